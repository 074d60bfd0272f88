botContext.printDebugMessage("about to fail");
throw { name: "BotError", message: "custom object" };
