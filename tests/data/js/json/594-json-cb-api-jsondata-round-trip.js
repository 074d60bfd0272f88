var apiResponse = '{"jsonData":{"api_response":{"status":200,"body":{"orders":[{"id":"A1","total":19.99,"items":2},{"id":"B2","total":5,"items":1}],"customer":{"name":"Ann","vip":true}}}}}';
var parsed = JSON.parse(apiResponse);
var body = parsed.jsonData.api_response.body;
var totals = 0;
var ids = [];
for (var i = 0; i < body.orders.length; i++) {
  totals += body.orders[i].total;
  ids.push(body.orders[i].id);
}
botContext.setBotVariable("orderIds", JSON.stringify(ids), true, false);
botContext.setBotVariable("customer", JSON.stringify(body.customer), true, false);
var back = JSON.parse(botContext.getBotVariable("customer"));
botContext.printDebugMessage("Hi " + back.name + ", you have " + ids.length + " orders totalling " + totals.toFixed(2));
return { ids: JSON.parse(botContext.getBotVariable("orderIds")), vip: back.vip, same: JSON.stringify(JSON.parse(apiResponse)) === apiResponse };
