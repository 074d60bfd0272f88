// gap: Date.prototype.toUTCString returns the toString() form instead of the RFC 1123 form "Thu, 07 Mar 2024 10:30:15 GMT"
var out = [new Date(1709807415123).toUTCString(), new Date(0).toUTCString(), new Date(-1).toUTCString(), new Date(NaN).toUTCString()];
botContext.printDebugMessage(out.join("\n"));
return out;
