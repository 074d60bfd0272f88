var inputs = ["42", " 42 ", "4.2e1", "0x2A", "", " ", "42abc", "-0", "Infinity", "-Infinity", "1,000", ".5", "5."];
var out = inputs.map(function (s) {
  var v = +s;
  return JSON.stringify(s) + "=" + (isNaN(v) ? "NaN" : v === 0 && 1 / v < 0 ? "-0" : String(v));
});
out.push(-"3", ~"7", !"0", !"", typeof -"x");
return out;
