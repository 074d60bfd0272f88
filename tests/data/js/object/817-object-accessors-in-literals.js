// Getters and setters in object literals (ES5 §11.1.5): reads, writes,
// inheritance, JSON, descriptors, for-in, and a setter without a getter.
var cart = {
  items: [],
  get count() { return this.items.length; },
  get total() { var t = 0; for (var i = 0; i < this.items.length; i++) t += this.items[i].price; return t; },
  set add(item) { this.items.push(item); },
  label: "cart"
};
cart.add = { name: "tee", price: 20 };
cart.add = { name: "cap", price: 15 };
var r = [cart.count, cart.total, cart.items.length, JSON.stringify(cart)];
var keys = [];
for (var k in cart) keys.push(k);
r.push(keys.join(","));
var d = Object.getOwnPropertyDescriptor(cart, "count");
r.push(typeof d.get, typeof d.set, d.enumerable, d.configurable, "value" in d);
cart.count = 99;
r.push(cart.count);
var child = Object.create(cart);
child.items = [{ price: 1 }];
r.push(child.count, child.total, cart.count);
var temp = { c: 25, get f() { return this.c * 9 / 5 + 32; }, set f(v) { this.c = (v - 32) * 5 / 9; } };
temp.f = 212;
r.push(temp.c, temp.f);
temp.f += 18;
r.push(temp.c);
var onlySet = { set x(v) { this.seen = v; } };
onlySet.x = 5;
r.push(onlySet.x, onlySet.seen);
var m = { greet() { return "hi " + this.who; }, who: "Ann" };
r.push(m.greet(), m.greet.name);
botContext.printDebugMessage(JSON.stringify(r));
return r;
