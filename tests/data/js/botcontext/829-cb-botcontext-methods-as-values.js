var say = botContext.sendMessage.bind(botContext);
say("bound hello");
botContext.printDebugMessage.call(botContext, "via call");
var log = botContext.printDebugMessage;
var helpers = { debug: botContext.printDebugMessage };
return [typeof log, typeof helpers.debug];
