//! user-message: show me red shoes under 100
var catalog = [
  {name: "Runner", color: "red", type: "shoes", price: 89},
  {name: "Trail", color: "blue", type: "shoes", price: 120},
  {name: "Classic", color: "red", type: "shoes", price: 140},
  {name: "Scarf", color: "red", type: "accessory", price: 25},
  {name: "Sprint", color: "red", type: "shoes", price: 59}
];
var words = botContext.getCurrentUserMessage().split(" ");
var max = Infinity;
var under = words.indexOf("under");
if (under !== -1) max = Number(words[under + 1]);
var matches = catalog.filter(function (p) {
  return words.indexOf(p.color) !== -1 && words.indexOf(p.type) !== -1 && p.price < max;
}).sort(function (a, b) { return a.price - b.price; });
var text = matches.length ? matches.map(function (p, i) { return (i + 1) + ". " + p.name + " $" + p.price; }).join("\n") : "No match";
botContext.sendMessage(text);
return matches.length;
