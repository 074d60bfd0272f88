// for-in stores each key into any target: a destructured declaration (the
// key string taken apart), a property, or an assignment pattern.
var o = {ab: 1, cd: 2};
var out = [], holder = {}, first, last;
for (var [a, b] in o) { out.push(a + "|" + b); }
for (const {length} in o) { out.push(length); }
for (holder.k in o) { out.push(holder.k); }
for ([first, , last = "?"] in {xyz: 1, p: 2}) { out.push(first + last); }
for (let [c] in o) { out.push(c); }
return [out, holder];
