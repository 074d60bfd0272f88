botContext.printDebugMessage(JSON.stringify({a: 1, b: "two", c: true, d: null}));
botContext.printDebugMessage(JSON.stringify([1, "2", false, null]));
botContext.printDebugMessage(JSON.stringify("plain"));
botContext.printDebugMessage(JSON.stringify(42));
botContext.printDebugMessage(JSON.stringify(true));
botContext.printDebugMessage(JSON.stringify(null));
botContext.printDebugMessage(JSON.stringify({}));
botContext.printDebugMessage(JSON.stringify([]));
return JSON.stringify({z: 1, a: 2, 10: 3, 2: 4});
