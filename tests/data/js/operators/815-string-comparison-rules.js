var pairs = [["apple", "banana"], ["Zebra", "apple"], ["a", "B"], ["abc", "ab"], ["", "a"], ["10", "9"], ["10", "10.0"], ["é", "z"], ["a1", "a10"], ["2024-03-07", "2024-11-01"]];
var out = pairs.map(function (p) { return p[0] + (p[0] < p[1] ? "<" : p[0] > p[1] ? ">" : "=") + p[1]; });
var words = ["pear", "Apple", "banana", "apple", "Banana"];
out.push(words.slice().sort().join(","));
out.push(words.slice().sort(function (a, b) { var x = a.toLowerCase(), y = b.toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; }).join(","));
botContext.printDebugMessage(out.join(" "));
return out;
