var ids = [1, 2.5, -0, 1e21, 1e-7, 0.1 + 0.2, 100, -5e-7];
var payload = { ids: ids, missing: botContext.getBotVariable("nope"), channel: botContext.getChannel() };
var s = JSON.stringify(payload);
botContext.setBotVariable("payload", s, true, false);
botContext.sendMessage("payload=" + s);
var parsed = JSON.parse(s);
return [parsed.ids[2], parsed.ids[3], parsed.missing, parsed.channel, s];
