var s = "Hello, World! 123";
botContext.printDebugMessage(s.toUpperCase());
botContext.printDebugMessage(s.toLowerCase());
botContext.printDebugMessage("ÉCOLE".toLowerCase());
botContext.printDebugMessage("straße".toUpperCase());
botContext.printDebugMessage("".toUpperCase() + "|");
return s.toLowerCase() == "hello, world! 123";
