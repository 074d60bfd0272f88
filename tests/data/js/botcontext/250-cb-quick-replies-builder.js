function Button(title, payload) {
  this.type = "quickReply";
  this.title = title;
  this.payload = payload || title;
}
var options = ["Track order", "Returns", "Agent"];
var replies = options.map(function (o) { return new Button(o); });
botContext.sendMessage(JSON.stringify(replies));
return replies.length;
