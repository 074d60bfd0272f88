var a = [];
var r = [];
r.push(a.push(), a.push(1), a.push(2, 3, 4), a.push([5, 6]), a.length);
r.push(a.pop(), a.pop(), a.length);
r.push(String([].pop()), a.push(undefined), a.length, String(a.pop()));
var b = [1, 2, 3];
b.length = 0;
r.push(String(b.pop()), b.push("x"), b);
return r;
