// gap: Object.defineProperties / Object.keys skipping non-enumerable properties is not supported
var o = Object.defineProperties({}, {a: {value: 1, enumerable: true}, b: {value: 2}});
return [o.a, o.b, Object.keys(o)];
