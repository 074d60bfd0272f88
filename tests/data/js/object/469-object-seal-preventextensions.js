var s = Object.seal({a: 1});
s.a = 2;
s.b = 3;
delete s.a;
var p = Object.preventExtensions({x: 1});
p.y = 2;
return [s.a, s.b === undefined, Object.isSealed(s), Object.isExtensible(p), p.y === undefined, Object.isExtensible({})];
