var stored = '[{"sku":"A","qty":2},{"sku":"B","qty":0},{"sku":"C","qty":5}]';
botContext.setBotVariable("cart", stored, true, false);
var cart = JSON.parse(botContext.getBotVariable("cart"));
cart = cart.filter(function (i) { return i.qty > 0; });
cart.push({sku: "D", qty: 1});
cart.forEach(function (i) { i.qty *= 2; });
var out = JSON.stringify(cart);
botContext.setBotVariable("cart", out, true, false);
return [cart.length, out, JSON.parse(out)[2].sku];
