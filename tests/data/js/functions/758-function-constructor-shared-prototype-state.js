function Cart(owner) { this.owner = owner; this.items = []; }
Cart.prototype.shared = [];
Cart.prototype.add = function (item, price) {
  this.items.push({ item: item, price: price });
  this.shared.push(item);
  return this;
};
Cart.prototype.total = function () {
  return this.items.reduce(function (s, x) { return s + x.price; }, 0);
};
var c1 = new Cart("ann").add("tea", 3).add("cake", 4.5);
var c2 = new Cart("bo").add("pie", 6);
var keys = [];
for (var k in c1) keys.push(k + (c1.hasOwnProperty(k) ? "" : "*"));
var out = [c1.total(), c2.total(), c1.shared.length, c1.shared === c2.shared, keys.join(","), JSON.stringify(c2)];
botContext.printDebugMessage(out.join(" | "));
return out;
