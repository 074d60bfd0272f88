function toArray() { return Array.prototype.slice.call(arguments); }
function joinArgs() { return Array.prototype.join.call(arguments, "-"); }
function rest() { return [].slice.call(arguments, 1); }
var a = toArray(1, "two", 3);
return [a.length, Array.isArray(a), a.join("|"), joinArgs("x", "y"), rest(1, 2, 3).join()];
