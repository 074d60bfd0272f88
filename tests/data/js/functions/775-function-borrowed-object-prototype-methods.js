var o = { own: 1 };
var has = Object.prototype.hasOwnProperty;
var out = [Object.prototype.hasOwnProperty.call(o, "own"), {}.hasOwnProperty.call(o, "toString")];
out.push(Object.prototype.toString.call([]), Object.prototype.toString.call(null), Object.prototype.toString.call(new Date(0)));
out.push(has.call(o, "own"));
return out;
