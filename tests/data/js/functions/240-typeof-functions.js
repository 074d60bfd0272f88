function f() {}
var g = function () {};
var h = () => 1;
var o = { m: function () {} };
return [typeof f, typeof g, typeof h, typeof o.m, typeof parseInt, typeof Math, typeof Error];
