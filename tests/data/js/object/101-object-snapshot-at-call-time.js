var o = {step: 1};
botContext.setBotVariable('o', o, true, false);
o.step = 2;
botContext.printDebugMessage(o);
o.step = 3;
var arr = [1];
botContext.printDebugMessage(arr);
arr.push(2);
return [o, arr];
