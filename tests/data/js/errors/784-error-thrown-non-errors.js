var values = ["text", 42, 0, true, null, undefined, { code: 7 }, [1, 2], function () { return "f"; }, NaN];
var out = [];
for (var i = 0; i < values.length; i++) {
  try {
    throw values[i];
  } catch (e) {
    var kind = e === null ? "null" : typeof e;
    var info = kind === "object" && e.code ? "code " + e.code : kind === "function" ? e() : String(e);
    out.push(kind + "=" + info + ":" + (e instanceof Error));
  }
}
botContext.printDebugMessage(out.join(" | "));
return out;
