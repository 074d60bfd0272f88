var visitedSome = [], visitedEvery = [];
var s = [1, 5, 10, 20].some(function (x) { visitedSome.push(x); return x > 4; });
var e = [1, 5, 10, 20].every(function (x) { visitedEvery.push(x); return x < 6; });
var r = [s, visitedSome, e, visitedEvery];
r.push([].some(function () { return true; }), [].every(function () { return false; }));
r.push([0, "", null].some(function (x) { return x; }), [1, "a", {}].every(function (x) { return x; }));
r.push([1, 2].some(function (x) { return this.t === x; }, {t: 2}));
return r;
