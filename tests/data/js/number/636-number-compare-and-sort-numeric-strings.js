var values = ["10", "9", "100", "1.5", "-2", "1e1"];
var lexi = values.slice().sort();
var numeric = values.slice().sort(function (a, b) { return Number(a) - Number(b); });
var max = values.reduce(function (m, v) { return Number(v) > m ? Number(v) : m; }, -Infinity);
var sum = values.reduce(function (s, v) { return s + parseFloat(v); }, 0);
botContext.printDebugMessage(lexi.join(",") + " | " + numeric.join(","));
return [lexi, numeric, max, sum];
