//! differs: Array.prototype methods that write to `this` (push, splice, sort, …) throw a TypeError on anything but an array; JavaScript writes to the array-like object
// ES5 §15.4.4.7: push is generic; on an array-like object it sets the items
// and `length`. cbot's generic methods work on a copy of the items, so the
// ones that would write to it refuse instead of losing the writes.
var arrayLike = {length: 1, 0: "a"};
var r = [];
try { r.push(Array.prototype.push.call(arrayLike, "b"), arrayLike.length); } catch (e) { r.push(e.name); }
try { r.push(Array.prototype.reverse.call({length: 2, 0: 1, 1: 2})[0]); } catch (e) { r.push(e.name); }
return r;
