//! differs: `arguments` is a real array in cbot (Array.isArray is true, JSON writes it as an array); JavaScript makes an array-like object
var args = (function () { return arguments; })(1, "a");
var r = [];
r.push(JSON.stringify(args));
r.push(Array.isArray(args));
r.push(args.length);
r.push(JSON.stringify({ wrapped: (function () { return arguments; })() }));
botContext.printDebugMessage(r.join(" "));
return r;
