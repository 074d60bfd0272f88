var r = [];
r.push([1, 2, 3].reduceRight(function (acc, x) { return acc + "," + x; }));
r.push([1, 2, 3].reduceRight(function (acc, x) { return acc + x; }, ""));
r.push(["a", "b", "c"].reduceRight(function (acc, x, i) { return acc.concat(x + i); }, []));
r.push([[1, 2], [3, 4]].reduceRight(function (acc, x) { return acc.concat(x); }));
var err = "";
try { [].reduceRight(function (a, b) { return a; }); } catch (e) { err = e.name; }
r.push(err, [7].reduceRight(function () { return 0; }));
return r;
