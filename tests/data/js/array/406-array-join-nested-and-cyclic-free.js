var matrix = [[1, 2, 3], [4, 5, 6]];
var r = [];
r.push(matrix.join("\n"), matrix.map(function (row) { return row.join("\t"); }).join("|"));
r.push(String(matrix), matrix.toString(), [[["deep"]]].join("-"));
r.push([{a: 1}, [2]].join(" "), [function () {}].length);
return r;
