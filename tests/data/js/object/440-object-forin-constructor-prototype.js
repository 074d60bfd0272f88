function Item(name) { this.name = name; this.qty = 1; }
Item.prototype.describe = function () { return this.qty + "x " + this.name; };
Item.prototype.kind = "item";
var it = new Item("pen");
it.color = "blue";
var all = [];
for (var k in it) all.push(k);
var own = Object.keys(it);
return [all, own, it.describe()];
