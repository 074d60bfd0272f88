var d = new Date(1709807415123);
var out = [d.toDateString(), d.toTimeString(), new Date(0).toDateString(), new Date(NaN).toDateString(), new Date(NaN).toTimeString()];
botContext.printDebugMessage("Today is " + d.toDateString());
return out;
