botContext.setBotVariable(1, "numeric name", true, false);
botContext.setBotVariable('flag', false, true, false);
var a = botContext.getBotVariable("1");
var b = botContext.getBotVariable('flag');
var c = botContext.getBotVariable('Flag');
botContext.printDebugMessage(a + " / " + b + " / " + c);
return b === false && c === null;
