var a = [1, , 3, , 5];
a.reverse();
var r = [JSON.stringify(a)];
var b = [3, , 1, undefined, 2];
b.sort();
r.push(JSON.stringify(b), b.length);
return r;
