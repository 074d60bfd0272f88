// gap: lastIndexOf with a NaN position (treated as +Infinity, i.e. search from the end) returns -1
var s = "canal banana";
return [s.lastIndexOf("a", NaN), s.lastIndexOf("an", NaN), s.lastIndexOf("a", "x"), s.lastIndexOf("c", {})];
