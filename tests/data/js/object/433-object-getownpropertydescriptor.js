var o = {a: 1};
var d = Object.getOwnPropertyDescriptor(o, "a");
return [d, String(Object.getOwnPropertyDescriptor(o, "missing")), Object.getOwnPropertyDescriptor([5], "length")];
