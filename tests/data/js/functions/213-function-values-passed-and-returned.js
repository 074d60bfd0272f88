function twice(f) { return function (x) { return f(f(x)); }; }
function inc(x) { return x + 1; }
var add4 = twice(twice(inc));
var fns = [inc, add4, function (x) { return x * 10; }];
var out = [];
for (var i = 0; i < fns.length; i++) out.push(fns[i](1));
return out;
