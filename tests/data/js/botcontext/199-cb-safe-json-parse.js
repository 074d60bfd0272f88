var raw = '{"name": "Ana", "tier": ';
var parsed = null;
try {
  parsed = JSON.parse(raw);
} catch (e) {
  botContext.printDebugMessage("bad json: " + e.name);
}
var tier = parsed ? parsed.tier : "unknown";
botContext.setBotVariable("tier", tier, true, false);
return tier;
