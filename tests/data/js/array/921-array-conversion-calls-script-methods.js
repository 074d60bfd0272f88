// ES5 §8.12.8 and §15.4.4.2: converting an array calls its valueOf and
// toString, own or inherited; the built-in toString calls `this.join()`,
// which may be the script's.
var r = [];
var list = [1, 2];
list.join = function () { return "own join"; };
r.push(list.join(), "" + list, String(list), list + "!");
var withToString = [3];
withToString.toString = function () { return "own toString"; };
r.push("" + withToString, [withToString, 4].join("|"));
var withValueOf = [5];
withValueOf.valueOf = function () { return 40; };
r.push(withValueOf + 2, withValueOf * 2, String(withValueOf));
// An array inside another converts through its own join too.
r.push([list, [6, 7]].join(";"));
// Array.prototype's, for every array (put back after: node runs the
// whole suite in one context).
var builtinJoin = Array.prototype.join;
Array.prototype.join = function (sep) { return "proto join " + this.length; };
r.push("" + [8, 9, 10], String([]));
Array.prototype.join = builtinJoin;
var plain = {};
plain[[11]] = "key";
r.push(Object.keys(plain));
return r;
