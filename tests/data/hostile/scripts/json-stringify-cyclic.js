// A TypeError, as in JavaScript.
var o = { name: 'loop' };
o.self = o;
JSON.stringify(o);
