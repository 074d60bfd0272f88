// Property keys that are objects convert through their script toString
// (own or inherited) or valueOf, in reads, writes, compound assignment,
// read paths, computed literal keys, `in`, `delete` and method calls; a
// throwing toString throws from the access.
var log = [];
var key = { toString: function () { log.push("ts"); return "name"; } };
var vkey = { valueOf: function () { return 1; }, toString: function () { return "v"; } };
function K(n) { this.n = n; }
K.prototype.toString = function () { return "k" + this.n; };
var o = {};
o[key] = 1; o[new K(2)] = 2; o[vkey] = 3;
var arr = ["zero", "one"];
var idx = { valueOf: function () { return 1; }, toString: function () { return "1"; } };
var r = [o.name, o.k2, o.v, Object.keys(o), key in o, delete o[key], o.name, arr[idx], {[new K(5)]: "computed"}, log.length];
o[new K(7)] = "x"; o.k7 += "y";
var p = {k1: {k2: {k3: "deep"}}};
r.push(p[new K(1)][new K(2)][new K(3)], o.k7);
var bad = { toString: function () { throw new Error("no key"); } };
try { o[bad]; } catch (e) { r.push(e.message); }
var m = { hi: function () { return "hi!"; } };
r.push(m[{ toString: function () { return "hi"; } }]());
return r;
