var msg = "I need 3 tickets for 2 adults, order 98765, total $45.50";
var ints = msg.match(/\d+/g).map(Number);
var decimals = msg.match(/\d+(?:\.\d+)?/g).map(parseFloat);
var order = (msg.match(/order\s+(\d{5})/i) || [])[1];
var amount = /\$(\d+(?:\.\d{2})?)/.exec(msg);
var missing = ("no digits here".match(/\d+/g) || []).length;
botContext.setBotVariable("orderId", order, true, false);
botContext.printDebugMessage(JSON.stringify({ ints: ints, decimals: decimals }));
return { order: order, amount: amount ? parseFloat(amount[1]) : null, missing: missing, sum: ints.reduce(function (a, b) { return a + b; }, 0) };
