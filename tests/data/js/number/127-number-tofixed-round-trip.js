var x = 2 / 3;
var s = x.toFixed(4);
var back = parseFloat(s);
botContext.printDebugMessage(s + " " + typeof s);
botContext.printDebugMessage(String(back * 3));
var big = 123456789.987654321;
botContext.printDebugMessage(big.toFixed(3));
botContext.printDebugMessage((-0.0001).toFixed(2));
return Number((0.1 + 0.2).toFixed(10));
