var ctx = { factor: 3 };
var out = [10, 20].map(function (x, i, arr) { return x * this.factor + i + arr.length; }, ctx);
return out;
