//! user-message: the bot said the order is the best order
var words = botContext.getCurrentUserMessage().toLowerCase().split(" ");
var freq = {};
var order = [];
for (var i = 0; i < words.length; i++) {
  var w = words[i];
  if (!freq.hasOwnProperty(w)) { freq[w] = 0; order.push(w); }
  freq[w]++;
}
order.sort(function (a, b) { return freq[b] - freq[a]; });
var top = order.slice(0, 3).map(function (w) { return w + "=" + freq[w]; });
botContext.sendMessage("Top words: " + top.join(", "));
return freq;
