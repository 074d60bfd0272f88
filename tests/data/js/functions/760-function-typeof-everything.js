function F() {}
var things = [1, NaN, Infinity, "", "x", true, false, null, undefined, {}, [], function () {}, F, new F(), new Date(0), new Error("e"), Math, JSON, botContext, Object, Array, String, parseInt, () => 1, typeof 1, void 0];
var out = things.map(function (t) { return typeof t; });
out.push(typeof notDeclaredAnywhere, typeof (function () { return arguments; })());
botContext.printDebugMessage(out.join(","));
return out;
