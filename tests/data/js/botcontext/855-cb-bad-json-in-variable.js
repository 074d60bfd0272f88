botContext.setBotVariable("cart", "{items: [1, 2]}", true, false);
botContext.setBotVariable("prefs", "", true, false);
function readJson(name, fallback) {
  var raw = botContext.getBotVariable(name);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw);
  } catch (e) {
    botContext.printDebugMessage("bad JSON in " + name + ": " + e.name);
    return fallback;
  }
}
var cart = readJson("cart", { items: [] });
var prefs = readJson("prefs", { lang: "en" });
var missing = readJson("nope", null);
return [cart.items.length, prefs.lang, missing];
