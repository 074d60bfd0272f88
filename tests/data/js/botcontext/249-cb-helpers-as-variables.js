var log = function (e) { botContext.printDebugMessage(e); };
var getVar = function (arg) { return botContext.getBotVariable(arg); };
var setVar = function (arg, val) { botContext.setBotVariable(arg, val, true, true); };
setVar("cart", JSON.stringify([{ sku: "a1", qty: 2 }]));
var cart = JSON.parse(getVar("cart"));
log("items: " + cart.length);
return cart[0].qty;
