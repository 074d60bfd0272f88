var items = [["Coffee", 3.5], ["Bagel", 2], ["Orange juice", 4.25]];
var lines = [];
var total = 0;
for (var i = 0; i < items.length; i++) {
  var name = items[i][0];
  var price = items[i][1];
  total += price;
  lines.push(name.padEnd(14, ".") + price.toFixed(2).padStart(7));
}
lines.push("-".repeat(21));
lines.push("TOTAL".padEnd(14) + total.toFixed(2).padStart(7));
botContext.sendMessage(lines.join("\n"));
return lines;
