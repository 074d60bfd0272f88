var u;
botContext.printDebugMessage(JSON.stringify({a: u, b: 1, c: NaN, d: Infinity, e: -0}));
botContext.printDebugMessage(JSON.stringify([u, NaN, Infinity, null]));
botContext.printDebugMessage(String(JSON.stringify(u)));
botContext.printDebugMessage(typeof JSON.stringify(u));
botContext.printDebugMessage(JSON.stringify(NaN));
botContext.printDebugMessage(JSON.stringify(1e21) + " " + JSON.stringify(0.1 + 0.2));
return JSON.stringify({list: [u]});
