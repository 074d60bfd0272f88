//! user-message: status
var handlers = {
  help: function () { return "Commands: help, status, quit"; },
  status: function (ctx) { return "Channel is " + ctx.getChannel(); },
  quit: function () { return "Bye"; }
};
var cmd = botContext.getCurrentUserMessage().trim().toLowerCase();
var reply = handlers.hasOwnProperty(cmd) ? handlers[cmd](botContext) : "Unknown: " + cmd;
botContext.sendMessage(reply);
var aliases = {h: "help", q: "quit"};
var resolved = ["h", "q", "x", "status"].map(function (c) { return aliases[c] || c; });
return [reply, resolved, handlers.hasOwnProperty("constructor"), "toString" in handlers];
