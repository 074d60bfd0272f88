//! user-message: 37
var age = parseInt(botContext.getCurrentUserMessage(), 10);
var bucket = Math.floor(age / 10) * 10;
var label = bucket + "-" + (bucket + 9);
var prices = [19.99, 5.25, 100];
var discounted = prices.map(function (p) { return Math.round(p * 0.85 * 100) / 100; });
var total = discounted.reduce(function (a, b) { return a + b; }, 0);
var installments = Math.ceil(total / 25);
botContext.setBotVariable("ageBucket", label, true, false);
botContext.printDebugMessage("total " + total.toFixed(2) + " in " + installments + " installments");
return { label: label, discounted: discounted, total: Math.round(total * 100) / 100, installments: installments, stars: Math.min(5, Math.max(1, Math.round(age / 10))) };
