//! channel: messaging
var topics = ["Billing", "Technical support", "Sales", "Something else"];
var qr = {
  type: "quickReplies",
  itemsPerRow: 4,
  replies: topics.map(function (t, i) {
    return { type: "button", tooltip: t, title: t, click: { actions: [{ type: "publishText", text: t }], metadata: [{ type: "ExternalId", id: "topic_" + i }] } };
  })
};
var channel = botContext.getChannel();
if (channel === "web" || channel === "messaging") {
  botContext.setBotVariable("qr", JSON.stringify(qr), true, false);
  botContext.sendMessage("How can we help?");
} else {
  botContext.sendMessage("How can we help? Reply with: " + topics.join(", "));
}
return qr.replies.map(function (r) { return r.click.metadata[0].id; });
