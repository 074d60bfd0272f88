//! user-message:   Yeah sure!
var YES = ["yes", "y", "yeah", "yep", "sure", "ok", "okay"];
var NO = ["no", "n", "nope", "nah"];
function classify(text) {
  var cleaned = "";
  var t = text.toLowerCase().trim();
  for (var i = 0; i < t.length; i++) {
    var c = t.charAt(i);
    cleaned += (c >= "a" && c <= "z") || c === " " ? c : "";
  }
  var words = cleaned.split(" ").filter(function (w) { return w.length > 0; });
  for (var j = 0; j < words.length; j++) {
    if (YES.indexOf(words[j]) >= 0) return "yes";
    if (NO.indexOf(words[j]) >= 0) return "no";
  }
  return "unknown";
}
var answer = classify(botContext.getCurrentUserMessage());
botContext.setBotVariable("confirm", answer, true, false);
botContext.setTriggerNextMessage(answer === "yes" ? "confirm_yes" : answer === "no" ? "confirm_no" : "confirm_retry");
return ["NO!", "ok.", "maybe", "  y ", "nah thanks"].map(classify).concat(answer);
