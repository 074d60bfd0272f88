// gap: `in` reports holes of sparse arrays as present (cbot arrays have no holes)
var a = [1, , 3];
var b = new Array(2);
var c = [1, 2, 3];
delete c[0];
var d = [1];
d.length = 3;
return [1 in a, 0 in b, 0 in c, 2 in d, Object.keys(d)];
