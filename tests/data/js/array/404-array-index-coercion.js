var a = ["zero", "one", "two"];
var r = [];
r.push(a["1"], a[1.0], String(a["1.0"]), String(a["01"]), a[true ? 2 : 0], String(a[" 1"]));
var key = [1];
r.push(a[key], a[[2]], String(a[null]), String(a[undefined]));
var o = {};
o[[1, 2]] = "joined";
r.push(o["1,2"], Object.keys(o));
return r;
