botContext.printDebugMessage("about to throw");
var reason = "no " + "agents";
throw reason;
