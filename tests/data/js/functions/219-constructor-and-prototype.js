function Item(name, price) {
  this.name = name;
  this.price = price;
}
Item.prototype.label = function () { return this.name + " $" + this.price.toFixed(2); };
Item.prototype.currency = "USD";
var a = new Item("tea", 3);
var b = new Item("cake", 4.5);
b.currency = "EUR";
return [a.label(), b.label(), a.currency, b.currency, a instanceof Item, typeof Item];
