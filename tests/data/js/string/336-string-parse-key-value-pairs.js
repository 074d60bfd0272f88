//! user-message: name=Ann Lee; age = 34 ;city=Oslo;;flag
var msg = botContext.getCurrentUserMessage();
var out = {};
var parts = msg.split(";");
for (var i = 0; i < parts.length; i++) {
  var part = parts[i].trim();
  if (part === "") continue;
  var eq = part.indexOf("=");
  if (eq < 0) { out[part] = true; continue; }
  out[part.substring(0, eq).trim()] = part.substring(eq + 1).trim();
}
botContext.setBotVariable("profile", out, true, false);
return out;
