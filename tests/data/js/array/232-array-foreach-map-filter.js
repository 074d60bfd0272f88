var items = [3, 1, 4, 1, 5, 9, 2, 6];
var total = 0;
items.forEach(function (x, i) { total += x * i; });
var doubled = items.map(function (x) { return x * 2; });
var evens = items.filter(function (x) { return x % 2 === 0; });
return [total, doubled, evens];
