var scores = [88, 92, 75, 92, 60, 100, 9];
var asc = scores.slice().sort(function (a, b) { return a - b; });
var desc = scores.slice().sort(function (a, b) { return b - a; });
var lexical = scores.slice().sort();
var median = asc[Math.floor(asc.length / 2)];
var top3 = desc.slice(0, 3);
var avg = scores.reduce(function (s, x) { return s + x; }, 0) / scores.length;
return [asc, desc, lexical, median, top3, avg.toFixed(2), desc[0], asc[0]];
