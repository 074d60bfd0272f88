// ES5 §8.12.2: a method call finds the array's own property before
// Array.prototype's: a function stored under a method's name is what runs.
var r = [];
var list = [1, 2, 3];
list.push = function (x) { r.push("own push " + x); return 99; };
r.push(list.push(5), list.length);
list.indexOf = function (x) { return "own indexOf " + x; };
r.push(list.indexOf(2), list.indexOf(2, 0));
list.join = function () { return "own join " + arguments.length; };
r.push(list.join(), list.join("-", 1));
// Only that array: another one keeps the built-ins.
var other = [1, 2];
other.push(3);
r.push(other.indexOf(3), other.join("+"));
// A value that is not a function under a method's name: calling it is a
// TypeError, with one argument or more.
var numbered = [1];
numbered.push = 5;
try { numbered.push(2); r.push("called"); } catch (e) { r.push(e.name, numbered.length); }
try { numbered.push(2, 3); r.push("called"); } catch (e) { r.push(e.name, numbered.length); }
// Named properties of other names change nothing.
var names = ["a"];
names.label = "x";
r.push(names.indexOf("a"));
return r;
