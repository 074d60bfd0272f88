//! user-message: where's my order #A-12 & refund?
var msg = botContext.getCurrentUserMessage();
var q = "q=" + encodeURIComponent(msg) + "&lang=" + encodeURIComponent("en-US");
var url = "https://api.example.com/search?" + q;
var back = {};
var pairs = q.split("&");
for (var i = 0; i < pairs.length; i++) {
  var kv = pairs[i].split("=");
  back[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1]);
}
botContext.setBotVariable("searchUrl", url, true, false);
botContext.printDebugMessage(url);
return { url: url, back: back, same: back.q === msg };
