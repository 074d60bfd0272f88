var r = [];
r.push([3, 1, 2].sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; }));
r.push([3, 1, 2].sort(function (a, b) { return String(b - a); }));
r.push([0.3, 0.1, 0.2].sort(function (a, b) { return a - b; }));
r.push(["10", "9", "100"].sort(function (a, b) { return a - b; }));
r.push([5, 1, 4].sort(function (a, b) { return (a - b) * 0.001; }));
return r;
