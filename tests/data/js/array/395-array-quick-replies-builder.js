var options = ["Track order", "Returns", "Talk to agent", "Store hours", "FAQ"];
var replies = options.slice(0, 4).map(function (title, i) {
  return {type: "text", tooltip: title, title: title.length > 12 ? title.substring(0, 11) + "…" : title,
    click: {actions: [{type: "publishText", text: title}]}, index: i};
});
var payload = {type: "quickReplies", itemsPerRow: 4, replies: replies};
botContext.sendMessage(JSON.stringify(payload));
return payload.replies.map(function (q) { return q.title; });
