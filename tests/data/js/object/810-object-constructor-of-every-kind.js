// The `constructor` every kind of value inherits, and that a function's
// own prototype object carries without enumerating it.
function F() { this.x = 1; }
var f = new F();
var keys = [];
for (var k in f) keys.push(k);
var r = [
  "abc".constructor === String, (5).constructor === Number, true.constructor === Boolean,
  new Date(0).constructor === Date, /x/.constructor === RegExp, [1].constructor === Array,
  new TypeError("x").constructor === TypeError, new Error("y").constructor === Error,
  (function () {}).constructor === Function, Object.create(null).constructor === undefined,
  keys.join(","), Object.keys(F.prototype).length, JSON.stringify(F.prototype),
  F.prototype.hasOwnProperty("constructor"), f.hasOwnProperty("constructor"),
  "constructor" in f, F.prototype.propertyIsEnumerable("constructor")
];
function G() {}
G.prototype = { greet: function () { return "hi"; } };
var g = new G();
r.push(g.constructor === Object, g.greet());
botContext.printDebugMessage(JSON.stringify(r));
return r;
