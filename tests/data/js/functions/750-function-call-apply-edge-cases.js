function show() {
  var parts = [];
  for (var i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));
  return (this && this.tag ? this.tag : "-") + "(" + parts.join(",") + ")";
}
var t = { tag: "T" };
var out = [];
out.push(show.call(t));
out.push(show.call(t, 1, 2, 3));
out.push(show.apply(t));
out.push(show.apply(t, []));
out.push(show.apply(t, null));
out.push(show.apply(t, undefined));
out.push(show.apply(t, [undefined, null]));
out.push(show.call(null, "x"));
out.push(show.call({ tag: "" }, "empty tag"));
out.push(show.apply(t, [[1, 2], 3]));
botContext.printDebugMessage(out.join(" "));
return out;
