var r = [];
r.push(typeof Math.abs, typeof Math.max);
r.push(Math.max.apply(null, [3, 9, 4]), Math.min.apply(Math, [3, 9, 4]));
r.push([1.4, 2.6, -0.5].map(Math.round).join(","));
var f = Math.floor;
r.push(f(2.7), Math["ceil"](2.1));
r.push(Math.hasOwnProperty("sqrt"));
botContext.printDebugMessage(r.join(" "));
return r;
