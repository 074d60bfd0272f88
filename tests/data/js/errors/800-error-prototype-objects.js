return [Error.prototype.name, TypeError.prototype.name, RangeError.prototype.message === "", typeof Error.prototype];
