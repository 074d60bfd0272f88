// ES5 §15.4.4: Array.prototype methods are generic: called (through call
// or apply) on a string or an array-like object they work on its items
// below `length`. `[].slice` is the same function as Array.prototype.slice.
var arrayLike = {length: 3, 0: "a", 1: "b", 2: "c", extra: "ignored"};
var r = [
  Array.prototype.slice.call("hello", 1, 3),
  Array.prototype.map.call("abc", function (ch) { return ch.toUpperCase(); }),
  Array.prototype.join.call(arrayLike, "+"),
  Array.prototype.indexOf.call(arrayLike, "b"),
  Array.prototype.filter.call("a1b2", function (ch) { return ch >= "0" && ch <= "9"; }),
  [].slice.call(arrayLike, 1),
  Array.prototype.slice.apply(arrayLike, [0, 2]),
  Array.prototype.reduce.call("xyz", function (acc, ch) { return ch + acc; }, ""),
  Array.prototype.every.call({length: 0}, function () { return false; }),
  [].concat.call([1], [2]),
  Array.prototype.slice.call({length: "2", 0: 7, 1: 8}),
  Array.prototype.slice.call({}),
  [].slice === Array.prototype.slice,
  Array.prototype.slice.call([4, 5], 1)
];
try { Array.prototype.slice.call(null); } catch (e) { r.push(e.name); }
var [first, ...others] = "hey";
r.push(first, others);
botContext.printDebugMessage(JSON.stringify(r));
return r;
