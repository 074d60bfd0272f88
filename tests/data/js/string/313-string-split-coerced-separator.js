var r = [];
r.push("1a2a3".split("a"));
r.push("1020304".split(0));
r.push("xnullynullz".split(null));
r.push("atruebtruec".split(true));
r.push("a1,2b1,2c".split([1, 2]));
r.push("abc".split());
r.push(String(123456).split("").map(Number));
return r;
