var n = 7;
var price = 19.99;
var qty = "3";
botContext.printDebugMessage("Total: " + price * qty);
botContext.printDebugMessage("Items: " + n + qty);
botContext.printDebugMessage("Sum: " + (n + Number(qty)));
botContext.printDebugMessage(n + qty * 2);
botContext.printDebugMessage(n + +qty);
return qty + n - 1;
