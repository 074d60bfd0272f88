var files = ["item10", "item2", "item1", "Item3", "item20"];
function num(s) { return parseInt(s.slice(4), 10); }
var naive = files.slice().sort();
var natural = files.slice().sort(function (a, b) { return num(a) - num(b); });
var ci = files.slice().sort(function (a, b) {
  var x = a.toLowerCase(), y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
});
return [naive, natural, ci];
