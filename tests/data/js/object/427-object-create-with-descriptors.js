var o = Object.create({base: 1}, {own: {value: 2, enumerable: true}, hidden: {value: 3}});
return [o.own, o.hidden, o.base, Object.keys(o)];
