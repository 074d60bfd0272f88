var o = {a: 1};
var child = Object.create(o);
child.b = 2;
var r = [o.propertyIsEnumerable("a"), o.propertyIsEnumerable("missing"), o.propertyIsEnumerable("toString")];
r.push(child.propertyIsEnumerable("b"), child.propertyIsEnumerable("a"));
return r;
