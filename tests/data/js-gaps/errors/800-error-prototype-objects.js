// gap: Error.prototype and the subtype prototypes are not readable (Error.prototype.name throws TypeError)
return [Error.prototype.name, TypeError.prototype.name, RangeError.prototype.message === "", typeof Error.prototype];
