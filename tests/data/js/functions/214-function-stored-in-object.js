var handlers = {
  web: function (m) { botContext.sendMessage("web:" + m); return 1; },
  sms: function (m) { botContext.setBotVariable("pending", m, true, false); return 2; }
};
var ch = botContext.getChannel();
var h = handlers[ch] || function () { return 0; };
return h("hello");
