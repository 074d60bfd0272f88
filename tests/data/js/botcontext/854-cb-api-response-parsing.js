var response = JSON.stringify({ status: "ok", orders: [{ id: 1, state: "shipped", eta: "2024-03-09" }, { id: 2, state: "processing" }, { id: 3, state: "delivered" }] });
botContext.setBotVariable("ordersJson", response, true, false);
var data;
try {
  data = JSON.parse(botContext.getBotVariable("ordersJson"));
} catch (e) {
  data = { status: "error", orders: [] };
}
var lines = data.orders.map(function (o) {
  var s = "#" + o.id + ": " + o.state;
  if (o.eta) s += " (ETA " + o.eta.split("-").reverse().join("/") + ")";
  return s;
});
var open = data.orders.filter(function (o) { return o.state !== "delivered"; }).length;
botContext.sendMessage(lines.join("\n"));
botContext.setBotVariable("openOrders", open, true, false);
return { open: open, first: lines[0] };
