//! differs: a code panel has no arguments object at its top level
var out = [typeof arguments];
out.push(typeof arguments !== "undefined" ? arguments.length : -1);
out.push(typeof arguments !== "undefined" ? arguments[0] === botContext : false);
return out;
