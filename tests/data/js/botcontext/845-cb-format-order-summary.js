var order = { id: "A-1029", items: [{ name: "Tea", qty: 2, price: 3.1 }, { name: "Cake", qty: 1, price: 4.5 }, { name: "Pie", qty: 3, price: 0.99 }], shipping: 4.95 };
function money(n) { return "$" + n.toFixed(2); }
function padRight(s, n) { while (s.length < n) s += " "; return s; }
var lines = [];
var subtotal = 0;
order.items.forEach(function (it) {
  var line = it.qty * it.price;
  subtotal += line;
  lines.push(padRight(it.qty + "x " + it.name, 10) + money(line));
});
lines.push(padRight("Shipping", 10) + money(order.shipping));
lines.push(padRight("Total", 10) + money(subtotal + order.shipping));
var text = "Order " + order.id + "\n" + lines.join("\n");
botContext.sendMessage(text);
return { lines: lines.length, total: Math.round((subtotal + order.shipping) * 100) / 100 };
