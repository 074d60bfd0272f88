var a = [1, 2];
var b = [1, 2];
var r = [a == b, a === a, a == "1,2", [] == "", [0] == false, [1] == 1, [[]] == 0];
r.push(!![], [] ? "truthy" : "falsy", [].length ? "has" : "empty");
r.push([1, 2] + [3], [] + 1, [2] * [3], +[], +[5], String(+[1, 2]));
return r;
