// `new` on bound functions, nested binds, and instanceof through them.
function Tile(kind, title, url) { this.kind = kind; this.title = title; this.url = url; }
Tile.prototype.describe = function () { return this.kind + ":" + this.title + "@" + this.url; };
var Card = Tile.bind({ ignored: true }, "card");
var Promo = Card.bind(null, "Sale");
var a = new Card("Shoes", "/shoes");
var b = new Promo("/sale");
var r = [a.describe(), b.describe(), a instanceof Tile, b instanceof Card, b instanceof Promo,
  a.constructor === Tile, Card.length, Promo.length, typeof Card.prototype];
botContext.printDebugMessage(r.join(" "));
return r;
