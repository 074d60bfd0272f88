var keywords = ["agent", "bill", "cancel", "c++"];
function escapeRegExp(t) { return t.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&"); }
function findKeywords(text) {
  var found = [];
  for (var i = 0; i < keywords.length; i++) {
    var re = new RegExp("\\b" + escapeRegExp(keywords[i]) + "\\b", "i");
    if (re.test(text)) found.push(keywords[i]);
  }
  return found;
}
var utterances = ["I want an AGENT now", "my billing is wrong", "Cancel my bill!", "reagent", "i code in C++ daily", "agents"];
var out = [];
for (var j = 0; j < utterances.length; j++) {
  out.push(utterances[j] + " => " + findKeywords(utterances[j]).join(","));
}
botContext.printDebugMessage(out.join("\n"));
return out;
