var o = new Object();
o.a = 1;
var p = Object();
var r = [Object.keys(o), typeof p, Object.keys(p).length];
r.push(typeof Object(null), Object.keys(Object(undefined)).length);
return r;
