var a = [1, , 3];
var b = a.concat([4, , 6]);
var r = [b.length, JSON.stringify(b)];
var c = [];
c.length = 2;
r.push(JSON.stringify(c.concat(["x"])), c.concat(["x"]).length);
return r;
