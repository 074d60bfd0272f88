function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var out = [];
out.push(show(Math.max(-0, 0)), show(Math.max(0, -0)), show(Math.min(0, -0)), show(Math.min(-0, 0)));
out.push(show(Math.max(-0, -0)), show(Math.min(0, 0)), show(Math.max(-0)), show(Math.min(-1, -0, 0)));
botContext.printDebugMessage(out.join(" "));
return out;
