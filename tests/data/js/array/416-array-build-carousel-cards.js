var products = [
  {id: 11, title: "Basic plan", price: 9, features: ["1 user", "5 GB"]},
  {id: 12, title: "Team plan", price: 29, features: ["10 users", "50 GB", "Support"]},
  {id: 13, title: "Enterprise", price: 0, features: []}
];
var cards = products.map(function (p) {
  var elements = [{type: "text", text: p.title, style: {bold: true}}];
  elements.push({type: "text", text: p.price ? "$" + p.price + "/mo" : "Contact us"});
  p.features.slice(0, 2).forEach(function (f) { elements.push({type: "text", text: "• " + f}); });
  elements.push({type: "button", title: "Choose", click: {actions: [{type: "publishText", text: "plan " + p.id}]}});
  return {type: "vertical", elements: elements};
});
var carousel = {type: "carousel", padding: 10, elements: cards};
botContext.sendMessage(JSON.stringify(carousel));
return cards.map(function (c) { return c.elements.length; });
