var o = Object.defineProperties({}, {a: {value: 1, enumerable: true}, b: {value: 2}});
return [o.a, o.b, Object.keys(o)];
