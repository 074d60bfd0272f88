function formatMoney(n) {
  var parts = n.toFixed(2).split(".");
  parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return "$" + parts.join(".");
}
var amounts = [0, 5, 999.999, 1000, 1234567.891, -9876543.2, 100000];
var out = amounts.map(formatMoney);
var parsed = "$1,234,567.89".replace(/[^0-9.-]+/g, "");
out.push(parsed, parseFloat(parsed) * 2);
botContext.printDebugMessage(out.join(" "));
return out;
