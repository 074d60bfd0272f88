var r = [];
r.push("a" < "b", "B" < "a", "abc" < "abd", "abc" < "ab", "" < "a");
r.push("10" < "9", "10" < 9, "Z" > "z", "é" > "z", "a" == "a", "a" === new Array(1).join("") + "a");
var words = ["delta", "Alpha", "charlie", "Bravo"];
words.sort();
r.push(words.join(","));
words.sort(function (a, b) { var x = a.toLowerCase(), y = b.toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; });
r.push(words.join(","));
return r;
