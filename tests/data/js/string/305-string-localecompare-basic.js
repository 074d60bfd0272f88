function sign(n) { return n < 0 ? -1 : n > 0 ? 1 : 0; }
var r = [];
r.push(sign("a".localeCompare("b")));
r.push(sign("b".localeCompare("a")));
r.push(sign("same".localeCompare("same")));
r.push(sign("abc".localeCompare("abcd")));
r.push(sign("".localeCompare("x")));
r.push(sign("10".localeCompare("9")));
var names = ["pear", "apple", "mango", "banana"];
names.sort(function (a, b) { return a.localeCompare(b); });
r.push(names.join(","));
return r;
