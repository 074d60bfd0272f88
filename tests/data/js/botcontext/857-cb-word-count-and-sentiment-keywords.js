//! user-message: This is terrible, the app crashed AGAIN and support was useless
var text = botContext.getCurrentUserMessage().toLowerCase();
var negative = { terrible: 2, crashed: 1, useless: 2, awful: 2, slow: 1 };
var positive = { great: 2, thanks: 1, love: 2, good: 1 };
var words = text.split(" ").map(function (w) {
  var last = w.charAt(w.length - 1);
  return last === "," || last === "." || last === "!" ? w.substring(0, w.length - 1) : w;
});
var score = 0, hits = [];
words.forEach(function (w) {
  if (negative[w]) { score -= negative[w]; hits.push("-" + w); }
  if (positive[w]) { score += positive[w]; hits.push("+" + w); }
});
var mood = score < -2 ? "angry" : score < 0 ? "unhappy" : score > 0 ? "happy" : "neutral";
botContext.logCustomEvent(text, "sentiment", mood);
if (mood === "angry") botContext.setTriggerNextMessage("priority_agent");
return { words: words.length, score: score, mood: mood, hits: hits };
