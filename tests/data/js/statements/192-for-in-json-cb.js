//! user-message: order status
var data = JSON.parse('{"orders":{"A1":"shipped","B2":"pending","C3":"delivered"}}');
var pending = [];
var count = 0;
for (var id in data.orders) {
  count++;
  if (data.orders[id] == "pending") { pending.push(id); }
}
if (botContext.getCurrentUserMessage().indexOf("status") >= 0) {
  botContext.sendMessage(count + " orders, pending: " + pending.join(","));
}
return pending;
