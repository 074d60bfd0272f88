//! differs: arrays have no holes in cbot: a deleted or never-written element is `undefined`, counts for `in`, and callbacks (forEach, map, filter, reduce…) visit it
var a = [1, , 3];
a[5] = 6;
var visits = [];
a.forEach(function (x, i) { visits.push(i); });
var mapped = a.map(function (x) { return x * 2; });
var filtered = a.filter(function () { return true; });
var count = 0;
a.some(function () { count++; return false; });
var sum = a.reduce(function (s, x) { return s + x; }, 0);
return [visits, JSON.stringify(mapped), mapped.length, filtered, count, sum, a.indexOf(undefined)];
