function F() {}
var f = new F();
var child = Object.create(f);
return [F.prototype.isPrototypeOf(f), F.prototype.isPrototypeOf(child), f.isPrototypeOf(child), Object.getPrototypeOf(f) === F.prototype, Object.getPrototypeOf(child) === f];
