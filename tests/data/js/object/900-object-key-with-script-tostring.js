//! differs: an object used as a property key converts to "[object Object]" without calling a script toString/valueOf
// ES5 §11.2.1: `o[k]` converts k with ToString, which calls k's own
// toString. cbot uses "[object Object]" for every plain object key, the
// same for reads, writes, `in` and `delete`, so such a key still finds what
// was stored under it.
var key = { toString: function () { return "name"; } };
var o = { name: "by text" };
o[key] = "by object";
return [o.name, o[key], key in o, Object.keys(o).length];
