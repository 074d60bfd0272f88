var a = [1, null, undefined, "x", true, 2.5];
botContext.printDebugMessage(a.join());
botContext.printDebugMessage(a.join(""));
botContext.printDebugMessage(a.join(" | "));
botContext.printDebugMessage([].join(","));
botContext.printDebugMessage([[1, 2], [3, [4, 5]]].join(";"));
botContext.printDebugMessage([{}].join());
return ["a"].join("-");
