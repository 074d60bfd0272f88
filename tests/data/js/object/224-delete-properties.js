var o = { a: 1, b: 2, c: 3 };
var r1 = delete o.b;
var r2 = delete o["c"];
var r3 = delete o.missing;
var keys = [];
for (var k in o) keys.push(k);
var arr = [1, 2, 3];
delete arr[1];
return [r1, r2, r3, keys, arr.length, arr[1] === undefined, "b" in o];
