var start = new Date(Date.UTC ? 0 : 0);
var later = new Date(start.getTime() + 36 * 3600 * 1000);
var diffHours = (later - start) / 3600000;
var msg = "Opened " + later.toISOString().substring(0, 10) + " after " + diffHours + "h";
botContext.sendMessage(msg);
botContext.printDebugMessage(String(new Date(86400000 * 3)));
return [diffHours, later > start, JSON.stringify({at: later})];
