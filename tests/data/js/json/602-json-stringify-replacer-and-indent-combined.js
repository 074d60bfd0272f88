var report = { user: "ann", score: 0.8765, secret: "x", items: [{ id: 1, secret: "y" }, { id: 2 }] };
var pretty = JSON.stringify(report, function (k, v) {
  if (k === "secret") return undefined;
  if (typeof v === "number" && v % 1 !== 0) return Math.round(v * 100) / 100;
  return v;
}, 2);
var picked = JSON.stringify(report, ["user", "items", "id"], "\t");
botContext.printDebugMessage(pretty);
botContext.printDebugMessage(picked);
return [pretty.split("\n").length, picked.split("\n").length];
