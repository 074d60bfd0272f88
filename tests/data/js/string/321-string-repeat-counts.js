var r = [];
r.push("ab".repeat(0), "ab".repeat(1), "ab".repeat(3), "".repeat(5));
r.push("-".repeat(2.9), "x".repeat("3"), "y".repeat(null), "z".repeat(undefined));
r.push("=".repeat(20).length);
botContext.printDebugMessage("*".repeat(5) + " Menu " + "*".repeat(5));
return r;
