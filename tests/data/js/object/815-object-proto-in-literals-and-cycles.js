// __proto__ in object literals and assignments (ES2015 Annex B), cycles,
// null and primitives, and that it is never an own key.
var base = { kind: "base", hello: function () { return "hello from " + this.name; } };
var o = { __proto__: base, name: "lit" };
var r = [o.kind, o.hello(), Object.keys(o).join(","), JSON.stringify(o), o.hasOwnProperty("__proto__")];
var a = {};
var b = { __proto__: a };
try { a.__proto__ = b; r.push("no error"); } catch (e) { r.push(e.name); }
var n = { x: 1 };
n.__proto__ = null;
r.push(typeof n.toString, Object.getPrototypeOf(n) === null);
var p = { y: 2 };
p.__proto__ = 5;
r.push(Object.getPrototypeOf(p) === Object.prototype, p.__proto__ === Object.prototype);
var keys = [];
for (var k in o) keys.push(k);
r.push(keys.join(","));
botContext.printDebugMessage(JSON.stringify(r));
return r;
