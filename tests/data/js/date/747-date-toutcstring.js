var out = [new Date(1709807415123).toUTCString(), new Date(0).toUTCString(), new Date(-1).toUTCString(), new Date(NaN).toUTCString()];
botContext.printDebugMessage(out.join("\n"));
return out;
