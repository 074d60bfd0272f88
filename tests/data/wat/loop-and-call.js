function square(n) { return n * n; }
var total = 0;
for (var i = 0; i < 4; i++) { total += square(i); }
botContext.setBotVariable("total", total, true, false);
