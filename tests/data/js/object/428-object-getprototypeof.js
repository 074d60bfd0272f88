function Shape(n) { this.n = n; }
Shape.prototype.sides = function () { return this.n; };
var sq = new Shape(4);
var r = [Object.getPrototypeOf(sq) === Shape.prototype, sq.sides()];
var base = {};
var derived = Object.create(base);
r.push(Object.getPrototypeOf(derived) === base, Object.getPrototypeOf(Object.create(null)));
r.push(Object.getPrototypeOf(Object.getPrototypeOf(derived)) === Object.getPrototypeOf({}));
return r;
