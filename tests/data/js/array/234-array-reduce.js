var xs = [1, 2, 3, 4];
var sum = xs.reduce(function (a, b) { return a + b; }, 0);
var product = xs.reduce(function (a, b) { return a * b; });
var joined = xs.reduceRight(function (a, b) { return a + "-" + b; });
var err = "";
try { [].reduce(function (a, b) { return a + b; }); } catch (e) { err = e.name; }
return [sum, product, joined, err];
