var a = "apples";
var b = 3;
var s = `${a} and ${b}`;
botContext.printDebugMessage(s);
botContext.printDebugMessage(`${b + 1} items`);
botContext.printDebugMessage(`no substitutions`);
botContext.printDebugMessage(`${a}${b}${a}`);
return `total: ${b * 2.5}`;
