var r = [];
r.push("7".padStart(3, "0"), "42".padStart(5, "ab"), "abc".padStart(6, "123456"), "abc".padStart(2, "x"));
r.push("x".padStart(4), "x".padEnd(4) + "|", "x".padStart(4, ""), "x".padEnd(3, undefined) + "|");
r.push("5".padEnd(3, "0"), "ab".padEnd(7, "xy"), "".padStart(3, "*"), "a".padStart(NaN, "b"));
r.push("1".padStart("3", 0), "1".padEnd(2.9, 9), "ab".padStart(-1, "z"));
return r;
