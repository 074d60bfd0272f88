function size(o) { var n = 0; for (var k in o) if (o.hasOwnProperty(k)) n++; return n; }
function isEmpty(o) { for (var k in o) return false; return true; }
var r = [size({}), size({a: 1, b: 2}), size([1, 2, 3]), isEmpty({}), isEmpty({x: undefined}), isEmpty([])];
var o = {a: 1};
o.b = 2;
delete o.a;
r.push(size(o), Object.keys(o).length);
return r;
