function parseOrder(json) {
  try {
    var o = JSON.parse(json);
    if (!o.id) throw new Error("missing id");
    return o;
  } catch (e) {
    throw new Error("order rejected (" + e.name + ": " + e.message + ")");
  }
}
var out = [];
["{\"id\":1}", "{}", "not json"].forEach(function (s) {
  try {
    out.push("ok " + parseOrder(s).id);
  } catch (e) {
    out.push(e.message.indexOf("order rejected") === 0 ? e.message.split(":")[0] : "??");
  }
});
botContext.printDebugMessage(out.join(" | "));
return out;
