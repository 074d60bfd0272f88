var s = "0123456789";
botContext.printDebugMessage(s.charAt("3"));
botContext.printDebugMessage(s.substring("2", "5"));
botContext.printDebugMessage(s.slice(7.9));
botContext.printDebugMessage(s.substr(true, 2));
botContext.printDebugMessage(String(s.indexOf(5)));
botContext.printDebugMessage(JSON.stringify("1a2a3".split("a", "2")));
botContext.printDebugMessage("x-null-y".replace(null, "N"));
return s.charAt(1.5) + s.charAt(null) + s.charAt(undefined);
