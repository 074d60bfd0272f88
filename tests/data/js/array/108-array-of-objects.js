var products = [
  {name: "Tea", price: 3.5, stock: 0},
  {name: "Coffee", price: 4, stock: 12},
  {name: "Juice", price: 2.25, stock: 5}
];
var names = [];
var total = 0;
for (var i = 0; i < products.length; i++) {
  if (products[i].stock > 0) {
    names.push(products[i].name);
    total += products[i].price * products[i].stock;
  }
}
botContext.sendMessage("In stock: " + names.join(", "));
botContext.setBotVariable('inventoryValue', total, true, false);
return total;
