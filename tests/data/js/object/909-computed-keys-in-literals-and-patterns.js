// ES2015 computed property keys in object literals and in object patterns:
// each key is evaluated once, in order, before its value; numbers become
// index keys; a rest element leaves computed keys out too.
var k = "dyn", n = 2, log = [];
function key(x) { log.push("key " + x); return x; }
function val(x) { log.push("val " + x); return x; }
var o = {a: 1, [k]: 2, [k + "2"]: 3, [n]: "two", [key("p")]: val("v"), [key("m")]() { return "method"; }};
var {[k]: d, [key("a")]: a, ...rest} = o;
let {["x" + 1]: x1 = "default"} = {};
function pick({[k]: got}) { return got; }
var r = [JSON.stringify(o), o.m(), d, a, JSON.stringify(rest), x1, log, Object.keys(o), pick({dyn: "picked"})];
botContext.printDebugMessage(JSON.stringify(r));
return r;
