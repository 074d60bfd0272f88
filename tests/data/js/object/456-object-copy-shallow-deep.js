function shallow(o) { var out = {}; for (var k in o) if (o.hasOwnProperty(k)) out[k] = o[k]; return out; }
function deep(o) { return JSON.parse(JSON.stringify(o)); }
var orig = {name: "x", list: [1, 2], inner: {v: 1}};
var s = shallow(orig);
var d = deep(orig);
s.name = "s";
s.list.push(3);
d.inner.v = 99;
d.list.push(4);
return [orig, s, d, s.inner === orig.inner, d.inner === orig.inner];
