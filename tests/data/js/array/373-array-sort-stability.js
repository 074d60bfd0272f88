var rows = [
  {n: "a", g: 2}, {n: "b", g: 1}, {n: "c", g: 2}, {n: "d", g: 1}, {n: "e", g: 3},
  {n: "f", g: 1}, {n: "g", g: 2}, {n: "h", g: 3}, {n: "i", g: 1}, {n: "j", g: 2},
  {n: "k", g: 1}, {n: "l", g: 3}
];
rows.sort(function (x, y) { return x.g - y.g; });
var byGroup = rows.map(function (r) { return r.n + r.g; }).join(" ");
var words = ["bb", "a", "ccc", "dd", "e", "fff", "gg"];
words.sort(function (x, y) { return x.length - y.length; });
var constant = [5, 3, 9, 1];
constant.sort(function () { return 0; });
return [byGroup, words, constant];
