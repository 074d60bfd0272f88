var out = [];
out.push("10" < 9, "10" < "9", 10 < "9", "abc" < 1, "abc" > 1, null < 1, null >= 0, undefined < 1, undefined >= 0);
out.push([2] > 1, [1, 2] < [1, 3], [10] < [9], true > false, "" < 1, " 5 " < 6, "0x10" > 15);
out.push(NaN < NaN, NaN >= NaN, Infinity > 1e308, -Infinity < -1e308);
return out;
