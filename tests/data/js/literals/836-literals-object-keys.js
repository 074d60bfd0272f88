var o = { "a-b": 1, 2: "two", 'q': 3, if: "kw", class: "kw2", new: "kw3", 0.5: "half", 1e2: "hundred", "": "empty", dup: 1, dup: 2 };
var out = [o["a-b"], o[2], o["2"], o.q, o.if, o.class, o.new, o["0.5"], o[100], o[""], o.dup];
out.push(Object.keys(o).join("|"));
var ordered = { b: 1, a: 2, 10: "x", 1: "y", "-1": "z", "01": "w" };
out.push(Object.keys(ordered).join(","));
var nested = { level1: { "level 2": { value: [1, { deep: true }] } } };
out.push(nested.level1["level 2"].value[1].deep);
return out;
