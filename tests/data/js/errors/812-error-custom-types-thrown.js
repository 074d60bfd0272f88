// Custom error types the ES5 way, thrown and caught as scripts do.
function ApiError(status, message) {
  this.name = "ApiError";
  this.status = status;
  this.message = message;
}
ApiError.prototype = Object.create(Error.prototype);
ApiError.prototype.constructor = ApiError;
function Timeout() {}
Timeout.prototype = new TypeError("timed out");
function Plain() {}
Plain.prototype = Object.create(RangeError.prototype);
var r = [];
try {
  throw new ApiError(503, "backend down");
} catch (e) {
  r.push(e instanceof ApiError, e instanceof Error, e instanceof TypeError, e.name, e.message, e.status,
    String(e), e.toString(), "" + e, e.constructor === ApiError, JSON.stringify(e));
}
var t = new Timeout();
r.push(t instanceof TypeError, t instanceof Error, t instanceof RangeError, t.name, t.message, String(t));
var p = new Plain();
r.push(p instanceof RangeError, p.name, p.message === "", String(p));
var anon = Object.create(Error.prototype);
anon.message = "m";
r.push(String(anon), anon instanceof Error);
botContext.printDebugMessage(JSON.stringify(r));
return r;
