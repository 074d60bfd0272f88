var order = {
  id: 17,
  customer: {name: "Bo", address: {city: "Oslo", zip: "0150"}},
  items: [{sku: "A1", qty: 2}, {sku: "B2", qty: 1}]
};
botContext.printDebugMessage(order.customer.address.city);
botContext.printDebugMessage(order["customer"]["name"]);
botContext.printDebugMessage(order.items[1].sku);
order.customer.address.zip = "0151";
order.items[0].qty += 3;
botContext.setBotVariable('order', order, true, false);
return order.items[0].qty + order.items[1].qty;
