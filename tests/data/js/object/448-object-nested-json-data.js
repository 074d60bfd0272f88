var raw = '{"customer":{"id":"C-9","name":"Mia","tags":["vip","eu"],"address":{"city":"Lyon","zip":"69001"}},' +
  '"orders":[{"id":1,"items":[{"sku":"X","qty":2,"price":5.5},{"sku":"Y","qty":1,"price":12}]},{"id":2,"items":[]}]}';
var data = JSON.parse(raw);
var r = [data.customer.name, data.customer.tags[1], data.customer.address.city];
var totals = data.orders.map(function (o) {
  return o.items.reduce(function (s, i) { return s + i.qty * i.price; }, 0);
});
r.push(totals, data.orders[1].items.length, String(data.customer.phone), typeof data.orders);
data.customer.address.zip = "69002";
data.orders[0].items.push({sku: "Z", qty: 1, price: 1});
botContext.setBotVariable("data", data, true, false);
r.push(JSON.stringify(data.customer.address), data.orders[0].items.length);
return r;
