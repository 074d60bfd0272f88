//! user-message:  1,250.50 USD
var raw = botContext.getCurrentUserMessage();
var cleaned = raw.split(",").join("").split("USD").join("").trim();
var amount = Number(cleaned);
var r = [cleaned, amount, isNaN(amount)];
r.push(parseFloat(raw), String(Number(raw)));
r.push(amount.toFixed(2), (amount * 1.2).toFixed(2), Math.round(amount));
if (!isNaN(amount) && amount > 1000) botContext.setBotVariable("highValue", amount.toFixed(0), true, false);
botContext.printDebugMessage(r.join(" | "));
return r.map(String);
