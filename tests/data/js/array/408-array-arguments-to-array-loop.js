function collect() {
  var out = [];
  for (var i = 0; i < arguments.length; i++) out.push(arguments[i]);
  return out;
}
function sum() {
  var s = 0;
  for (var i = 0; i < arguments.length; i++) s += arguments[i];
  return s;
}
return [collect(1, "a", null), collect(), sum(1, 2, 3), sum.apply(null, [4, 5]), collect.apply(null, [[1], [2]])];
