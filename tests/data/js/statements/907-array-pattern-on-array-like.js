//! differs: an array pattern reads an array-like object by index; JavaScript throws a TypeError (the object is not iterable)
// ES2015 §13.3.3.5: array destructuring uses the iterator protocol, which
// arrays and strings have and a plain object does not. cbot reads items by
// index (and `length` for a rest element) from any value.
var r = [];
try { var [a, ...b] = {length: 2, 0: "x", 1: "y"}; r.push(a, b); } catch (e) { r.push(e.name); }
return r;
