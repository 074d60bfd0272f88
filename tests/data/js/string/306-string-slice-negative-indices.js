var s = "0123456789";
var r = [];
r.push(s.slice(-3), s.slice(-3, -1), s.slice(-1, -3), s.slice(2, -2));
r.push(s.slice(-100), s.slice(-100, -9), s.slice(100), s.slice(10));
r.push(s.slice(NaN), s.slice(undefined, 3), s.slice(3, undefined), s.slice(null, null));
r.push(s.slice("4", "6"), s.slice(2.5, 5.9), s.slice(-2.5), s.slice(0, -0));
r.push(s.slice(-Infinity, Infinity), s.slice(true, "3"));
botContext.printDebugMessage(JSON.stringify(r));
return r;
