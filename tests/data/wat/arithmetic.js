var a = 2;
var b = a * 3 + 1;
return b < 10 ? "small" : "big";
