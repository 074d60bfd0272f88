var raw = "{'name': 'single quotes are not JSON'}";
botContext.printDebugMessage("parsing");
var data = JSON.parse(raw);
return data.name;
