function ValidationError(message) { this.name = "ValidationError"; this.message = message; }
ValidationError.prototype = new Error();
var v = new ValidationError("age missing");
var out = [v instanceof ValidationError, v instanceof Error, v.name, v.message, String(v)];
function NotFound(message) { this.message = message; }
NotFound.prototype = Object.create(Error.prototype);
NotFound.prototype.name = "NotFound";
var n = new NotFound("no such order");
out.push(n instanceof Error, String(n));
return out;
