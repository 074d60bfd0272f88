function count(hay, needle) {
  if (needle === "") return hay.length + 1;
  var n = 0, pos = hay.indexOf(needle);
  while (pos !== -1) { n++; pos = hay.indexOf(needle, pos + needle.length); }
  return n;
}
var r = [];
r.push(count("the cat and the hat", "the"), count("aaaa", "aa"), count("abc", "x"), count("abc", ""));
r.push("a.b.c.d".split(".").length - 1);
r.push(count("Hello hello HELLO".toLowerCase(), "hello"));
return r;
