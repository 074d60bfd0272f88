//! differs: arrays have no holes in cbot: a deleted or never-written element is `undefined`, counts for `in`, and callbacks (forEach, map, filter, reduce…) visit it
var a = [1, , 3];
var b = new Array(2);
var c = [1, 2, 3];
delete c[0];
var d = [1];
d.length = 3;
return [1 in a, 0 in b, 0 in c, 2 in d, Object.keys(d)];
