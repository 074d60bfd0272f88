// Object.keys and for-in on functions (whose prototype is not enumerable)
// and on errors (whose name and message are not, but added fields are).
function handler() {}
handler.retries = 3;
handler.prototype.run = function () {};
var e = new Error("boom");
e.code = 502;
e.detail = "gateway";
var t = new TypeError("bad");
var r = [Object.keys(handler).join(","), Object.keys(e).join(","), Object.keys(t).length];
var fk = [], ek = [];
for (var k in handler) fk.push(k);
for (var k2 in e) ek.push(k2);
r.push(fk.join(","), ek.join(","), JSON.stringify(e), Object.keys(handler.prototype).join(","));
botContext.printDebugMessage(JSON.stringify(r));
return r;
