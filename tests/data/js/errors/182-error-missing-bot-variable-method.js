var name = botContext.getBotVariable('firstName');
botContext.printDebugMessage("name: " + name);
return name.trim();
