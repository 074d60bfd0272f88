function F() {}
var f = new F();
return [f.constructor === F, ({}).constructor === Object, [].constructor === Array, F.prototype.constructor === F];
