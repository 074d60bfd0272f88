var s = ["\x41\x62", "\u0043\u00e9", "\u{1F600}", "tab\there", "line\nbreak", "quote\"s", 'apos\'s', "back\\slash", "nul\0end", "\v\f\b\r"];
var out = s.map(function (x) { return x.length + ":" + x.charCodeAt(0) + ":" + x.charCodeAt(x.length - 1); });
out.push("😀".length, "😀".charCodeAt(0), "😀".charCodeAt(1), "e\u0301".length, "\u00e9" === "é");
var multi = "one \
two";
out.push(multi, JSON.stringify("\u2028\t\u0007"));
return out;
