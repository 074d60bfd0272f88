// Method calls with one argument on arrays and strings (`tiles.push(t)`,
// `ids.indexOf(id)`, `s.split(",")`) go straight to the built-in when no
// script code can run; each must return what it returns any other way, and
// a script's own Array.prototype / String.prototype methods must still win.
var r = [];
var a = [];
r.push(a.push("x"), a.push(a), a.push(undefined), a.length, a[1] === a);
var o = { id: 1 };
var ids = [3, o, NaN, "3", -0];
r.push(ids.indexOf(3), ids.indexOf(o), ids.indexOf({ id: 1 }), ids.indexOf(NaN), ids.includes(NaN));
r.push(ids.lastIndexOf("3"), ids.indexOf(0), ids.includes(0), ids.indexOf(), ids.slice(3).length, ids.concat([9]).length);
r.push(ids.slice(-2)[0], ids.concat(7, [8])[6], [].concat([[1]])[0].length);
var s = "a,b,,c";
r.push(s.split(",").length, s.indexOf(","), s.lastIndexOf(","), s.includes("b,"), s.startsWith("a"), s.endsWith("c"));
r.push(s.charAt(2), s.charCodeAt(0), s.substring(2), s.substr(-1), s.slice(1), "ab".repeat(2), "7".padStart(3), "7".padEnd(2));
// A method pushed onto an array is an item, not a method of it.
var fs = [];
fs.push(function (x) { return "called " + x; });
r.push(fs[0]("f"), fs.length);
// Methods scripts add to the built-in prototypes are called instead (the
// results are collected without push, and the built-ins are put back
// before botContext is called: node's test harness shares them).
var builtinPush = Array.prototype.push, builtinIndexOf = String.prototype.indexOf;
Array.prototype.push = function (x) { this[this.length] = x + "!"; return "mine"; };
String.prototype.indexOf = function (x) { return "own " + x; };
var b = [];
r = r.concat([b.push("y"), b[0], "text".indexOf("x"), a.push("z"), a[a.length - 1], "a,b".split(",").length]);
Array.prototype.push = builtinPush;
String.prototype.indexOf = builtinIndexOf;
r = r.concat([[].push(1), "xy".indexOf("y")]);
// A wrapper that counts and calls the built-in it replaced.
var pushes = 0;
Array.prototype.push = function () { pushes++; return builtinPush.apply(this, arguments); };
var c = [];
var counted = [c.push("p"), c.push("q", "r"), c.length, pushes];
Array.prototype.push = builtinPush;
r = r.concat(counted);
botContext.printDebugMessage(r.length);
return r;
