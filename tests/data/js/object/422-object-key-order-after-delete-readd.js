var o = {first: 1, second: 2, third: 3};
delete o.first;
o.first = "again";
o.second = "updated";
var r = [Object.keys(o)];
var p = {};
p.x = 1; p.y = 2; p[5] = "five"; p.x = 3; delete p.y; p.y = 4; p[3] = "three";
r.push(Object.keys(p), JSON.stringify(p));
return r;
