function safeParse(text, fallback) {
  if (typeof text !== "string" || text === "") return fallback;
  try {
    return JSON.parse(text);
  } catch (e) {
    botContext.printDebugMessage("bad json (" + e.name + "): " + text);
    return fallback;
  }
}
var r = [];
r.push(safeParse('{"a":1}', {}).a);
r.push(safeParse("not json", "fb"));
r.push(safeParse(null, "null-fb"));
r.push(safeParse("", "empty-fb"));
r.push(safeParse("null", "x"));
r.push(safeParse("[]", null).length);
r.push(safeParse("{\"a\":", 0));
return r;
