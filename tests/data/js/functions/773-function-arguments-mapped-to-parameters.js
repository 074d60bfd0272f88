//! differs: arguments is a plain array: writes to it and to the named parameters are not aliased
function a(x) { arguments[0] = 9; return x; }
function b(x) { x = 9; return arguments[0]; }
function c(x, y) { y = "set"; return arguments[1]; }
return [a(1), b(1), String(c(1))];
