var parts = "a,b".split(",");
botContext.printDebugMessage(parts[0].toUpperCase());
return parts[2].toUpperCase();
