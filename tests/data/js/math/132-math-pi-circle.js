var radius = 3;
var area = Math.PI * radius * radius;
var circumference = 2 * Math.PI * radius;
botContext.printDebugMessage(String(Math.PI));
botContext.printDebugMessage("area " + area.toFixed(3));
botContext.printDebugMessage("circ " + Math.round(circumference * 100) / 100);
return Math.floor(Math.PI * 1e6);
