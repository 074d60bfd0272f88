var a = [1, 2];
var b = [1, 2];
var o = { k: 1 };
var out = [a == b, a === a, a == "1,2", [1] == 1, [1] == "1", [] == "", [] == 0, [0] == false, [[]] == 0];
out.push(o == "[object Object]", o == o, o != { k: 1 }, null == false, undefined == false, null == undefined, NaN == NaN);
out.push("" == 0, "0" == 0, " \n" == 0, "1e1" == 10, "0x1" == 1, true == "1", false == "false");
return out;
