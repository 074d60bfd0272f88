function escapeRegExp(text) {
  return text.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
}
var inputs = ["1+1=2", "a.b", "(hi)", "$5.00", "what?", "c:\\dir", "[x] {y}", "a|b", "#tag x"];
var out = [];
for (var i = 0; i < inputs.length; i++) {
  var esc = escapeRegExp(inputs[i]);
  var re = new RegExp("^" + esc + "$");
  out.push(esc + " => " + re.test(inputs[i]));
}
var needle = "3.5";
out.push("v3x5 v3.5".replace(new RegExp(escapeRegExp(needle), "g"), "N"));
out.push("v3x5 v3.5".replace(new RegExp(needle, "g"), "N"));
botContext.printDebugMessage(out.join("\n"));
return out;
