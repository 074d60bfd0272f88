var o = {n: 1, s: "s", b: true, u: undefined, nl: null, f: function () {}, a: [], obj: {}};
var types = {};
for (var k in o) types[k] = typeof o[k];
return [types, typeof o.missing, typeof o.f(), JSON.stringify(o)];
