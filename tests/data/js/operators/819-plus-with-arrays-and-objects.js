var out = [];
out.push([] + [], [1] + [2], [1, 2] + [3], [] + 1, [5] + 5, [5] - 5, [5] * [2], +[], +[7], String(+[1, 2]));
out.push({} + "x", "x" + {}, [null] + "", [undefined, null] + "", [[1, 2], [3]] + "");
out.push(1 + null, 1 + undefined === 1 + undefined, "1" + null, true + 1, true + "1", null + null);
return out.map(function (v) { return typeof v === "number" ? (isNaN(v) ? "NaN" : v) : v; });
