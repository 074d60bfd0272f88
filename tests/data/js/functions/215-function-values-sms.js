//! channel: sms
var handlers = {
  web: function (m) { botContext.sendMessage("web:" + m); return 1; },
  sms: function (m) { botContext.setBotVariable("pending", m, true, false); return 2; }
};
var h = handlers[botContext.getChannel()];
return h("hello");
