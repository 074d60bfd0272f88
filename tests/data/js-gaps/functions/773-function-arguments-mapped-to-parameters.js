// gap: in sloppy mode, arguments[i] and the i-th named parameter are not aliased (writes to one do not show in the other)
function a(x) { arguments[0] = 9; return x; }
function b(x) { x = 9; return arguments[0]; }
function c(x, y) { y = "set"; return arguments[1]; }
return [a(1), b(1), String(c(1))];
