// ES5 §11.2.1: `o[k]` converts k with ToString, which calls k's own
// toString: reads, writes, `in` and `delete` with such a key all use the
// text it returns.
var key = { toString: function () { return "name"; } };
var o = { name: "by text" };
o[key] = "by object";
return [o.name, o[key], key in o, Object.keys(o).length];
