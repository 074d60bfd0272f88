function titleCase(s) {
  return s.toLowerCase().replace(/\b\w/g, function (c) { return c.toUpperCase(); });
}
function capitalizeFirst(s) {
  return s.replace(/^\s*(\w)/, function (m, c) { return m.slice(0, -1) + c.toUpperCase(); });
}
var names = ["john SMITH", "mary-jane o'neil", "  anne", "élodie dupont", "x"];
var out = [];
for (var i = 0; i < names.length; i++) out.push(titleCase(names[i]) + " | " + capitalizeFirst(names[i]));
out.push("camelCaseString".replace(/([A-Z])/g, " $1").toLowerCase());
out.push("snake_case_words".replace(/_(\w)/g, function (m, c) { return c.toUpperCase(); }));
botContext.printDebugMessage(out.join("\n"));
return out;
