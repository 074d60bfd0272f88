var stored = botContext.getBotVariable('profile');
botContext.printDebugMessage("profile is " + stored);
return stored.name;
