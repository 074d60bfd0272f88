var a = [2, 5, 9, 2, 5];
var r = [];
r.push(a.lastIndexOf(2), a.lastIndexOf(5), a.lastIndexOf(7), a.lastIndexOf(2, 2), a.lastIndexOf(2, 3));
r.push(a.lastIndexOf(2, -2), a.lastIndexOf(2, -1), a.lastIndexOf(2, -5), a.lastIndexOf(2, -6), a.lastIndexOf(5, 100));
r.push(a.lastIndexOf(2, 0), a.lastIndexOf(5, "3"), [NaN].lastIndexOf(NaN), [].lastIndexOf(1));
return r;
