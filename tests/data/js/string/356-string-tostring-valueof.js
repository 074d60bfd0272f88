var s = "text";
var r = [s.toString(), s.valueOf(), s.toString() === s, typeof s.valueOf()];
r.push((42).toString() + "!", true.toString().length, [1, 2].toString().split(","));
return r;
