var a = new Date(2024, 2, 7);
var b = new Date(2024, 2, 7, 10);
var c = new Date(2024, 2, 7, 10, 30);
var d = new Date(2024, 2, 7, 10, 30, 45);
var e = new Date(2024, 2, 7, 10, 30, 45, 123);
var f = new Date(2024, 2);
return [a.toISOString(), b.toISOString(), c.toISOString(), d.toISOString(), e.toISOString(), f.toISOString()];
