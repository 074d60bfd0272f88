var raw = "{\"status\": \"ok\", }";
botContext.printDebugMessage("parsing api response");
var data = JSON.parse(raw);
botContext.printDebugMessage("unreachable " + data.status);
return data;
