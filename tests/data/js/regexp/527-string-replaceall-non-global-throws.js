var out = [];
try {
  "aaa".replaceAll(/a/, "b");
  out.push("no error");
} catch (e) {
  out.push(e.name, e instanceof TypeError);
}
try {
  "aaa".replaceAll(new RegExp("a", "i"), "b");
} catch (e) {
  out.push(e.name);
}
out.push("aaa".replaceAll(new RegExp("a", "gi"), "b"));
botContext.printDebugMessage(out.join(" "));
"aaa".replaceAll(/a/y, "b");
return out;
