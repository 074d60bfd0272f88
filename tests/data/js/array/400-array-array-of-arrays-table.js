var table = [["name", "qty"], ["apple", 3], ["pear", 0], ["kiwi", 12]];
var header = table[0];
var rows = table.slice(1);
var objs = rows.map(function (row) {
  var o = {};
  header.forEach(function (h, i) { o[h] = row[i]; });
  return o;
});
var inStock = objs.filter(function (o) { return o.qty > 0; }).map(function (o) { return o.name; });
var total = rows.reduce(function (s, row) { return s + row[1]; }, 0);
var col = table.map(function (row) { return row[0]; });
return [objs, inStock, total, col];
