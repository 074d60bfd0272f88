function Shape() {}
function Circle() {}
Circle.prototype = new Shape();
var values = { arr: [], obj: {}, fn: function () {}, date: new Date(0), err: new TypeError("t"), circle: new Circle(), shape: new Shape(), str: "s", num: 1, nil: null };
var ctors = { Array: Array, Object: Object, Function: Function, Date: Date, Error: Error, TypeError: TypeError, Shape: Shape, Circle: Circle };
var out = {};
for (var v in values) {
  var row = [];
  for (var c in ctors) if (values[v] instanceof ctors[c]) row.push(c);
  out[v] = row.join(",");
}
return out;
