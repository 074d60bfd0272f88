var s = "hello world";
var r = [];
r.push(s.substr(6), s.substr(6, 3), s.substr(-5), s.substr(-5, 2));
r.push(s.substr(0, 0), s.substr(0, -1), s.substr(NaN, 2), s.substr(3, NaN));
r.push(s.substr(3, undefined), s.substr(undefined, 4), s.substr(-100, 3), s.substr(100, 3));
r.push(s.substr("2", "2"), s.substr(1.5, 2.5), s.substr(0, Infinity), s.substr(-Infinity, 2));
botContext.printDebugMessage(JSON.stringify(r));
return r;
