var r = [];
r.push(Array.isArray([]), Array.isArray([1, 2]), Array.isArray(new Array(3)), Array.isArray(Array(1, 2)));
r.push(Array.isArray({}), Array.isArray({length: 0}), Array.isArray("abc"), Array.isArray(null), Array.isArray());
r.push(Array.isArray(JSON.parse("[1]")), Array.isArray(JSON.parse("{}")), Array.isArray("a,b".split(",")));
r.push(typeof [], [] instanceof Array, {} instanceof Array);
return r;
