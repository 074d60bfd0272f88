var out = [];
try {
  botContext.printDebugMessage("in try");
  var missing;
  out.push(missing.length);
} catch (e) {
  out.push(e.name);
  out.push(typeof e.message);
}
botContext.setBotVariable("caught", out.join(","), true, false);
return out;
