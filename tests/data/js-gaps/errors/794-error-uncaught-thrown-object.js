// gap: an uncaught thrown plain object with a string `name` is reported as kind "Error" instead of that name
botContext.printDebugMessage("about to fail");
throw { name: "BotError", message: "custom object" };
