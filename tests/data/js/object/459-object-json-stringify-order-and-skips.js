var o = {z: 1, a: undefined, 5: "five", m: function () {}, n: null, arr: [undefined, function () {}, 1], nan: NaN, inf: -Infinity};
var r = [JSON.stringify(o), JSON.stringify({}), JSON.stringify({a: {b: {}}})];
r.push(JSON.stringify({k: "v"}, ["k"]));
return r;
