var out = [];
var digits = [-1, 101, 100, 0, NaN];
for (var i = 0; i < digits.length; i++) {
  try {
    out.push((1.5).toFixed(digits[i]).length);
  } catch (e) {
    out.push(digits[i] + ":" + e.name);
  }
}
botContext.printDebugMessage(out.join(" "));
(3).toFixed(-5);
return out;
