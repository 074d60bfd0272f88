var out = [];
out.push(Math.hypot(3, 4), Math.hypot(), Math.hypot(-5), Math.hypot(1, 2, 2), Math.hypot(1e200, 1e200));
out.push(Math.hypot(NaN, Infinity), Math.hypot(NaN, 1), Math.hypot("3", "4"), Math.hypot(0, -0), Math.hypot(1, 1));
botContext.printDebugMessage(out.map(String).join(" "));
return out.map(String);
