var products = [
  {name: "Lamp", cat: "home", price: 30},
  {name: "Desk", cat: "office", price: 120},
  {name: "Mug", cat: "home", price: 8},
  {name: "Chair", cat: "office", price: 80},
  {name: "Rug", cat: "home", price: 30}
];
products.sort(function (a, b) {
  if (a.cat !== b.cat) return a.cat < b.cat ? -1 : 1;
  if (a.price !== b.price) return b.price - a.price;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
});
var names = products.map(function (p) { return p.cat + "/" + p.name; });
botContext.printDebugMessage(names.join(", "));
return names;
