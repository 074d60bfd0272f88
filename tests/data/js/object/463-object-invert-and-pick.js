function invert(o) { var out = {}; Object.keys(o).forEach(function (k) { out[o[k]] = k; }); return out; }
function pick(o, keys) { var out = {}; keys.forEach(function (k) { if (k in o) out[k] = o[k]; }); return out; }
function omit(o, keys) { var out = {}; for (var k in o) if (keys.indexOf(k) === -1) out[k] = o[k]; return out; }
var codes = {US: "1", FR: "33", DE: "49", NO: "47"};
return [invert(codes), pick(codes, ["FR", "XX", "DE"]), omit(codes, ["US"]), invert({a: 1, b: 1})];
