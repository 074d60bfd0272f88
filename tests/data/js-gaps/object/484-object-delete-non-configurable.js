// gap: delete of a non-configurable property (array length) returns true instead of false
var a = [1, 2];
return [delete a.length, a.length, delete "abc".length];
