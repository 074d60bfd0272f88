//! differs: an array converts to a string with the built-in join, never a script's own or inherited toString, valueOf or join; JavaScript calls them (ES5 §15.4.4.2)
var r = [];
var list = [1, 2];
list.join = function () { return "own join"; };
r.push(list.join(), "" + list, String(list));
var withToString = [3];
withToString.toString = function () { return "own toString"; };
r.push("" + withToString);
return r;
