var a = [1, "b", null, undefined, true, [2, 3], 4.5];
var r = [];
r.push(a.join(), a.join(undefined), a.join(""), a.join(" - "), a.join(null), a.join(0));
r.push([].join("x"), [undefined].join(), [null, null].join("+"), [[]].join(), [[], []].join());
r.push(["only"].join(", "), [1, [2, [3, [4]]]].join(";"), [NaN, Infinity, -0].join());
return r;
