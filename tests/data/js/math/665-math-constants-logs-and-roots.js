var r = [Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT1_2, Math.SQRT2];
r.push(Math.SQRT2 * Math.SQRT2, Math.LN2 * Math.LOG2E, typeof Math.LN10);
botContext.printDebugMessage(r.map(String).join(" "));
return r;
