var prices = { tea: 3, cake: 4.5, pie: 6 };
var names = [];
for (var k in prices) names.push(k);
var expensive = names.filter(function (n) { return prices[n] > 4; }).sort();
return expensive.join(",");
