var r = [];
r.push(0.1 + 0.2, 0.3 - 0.1, 1.1 * 3, 9.95 * 100, 1 / 3, 2 / 3, 10 / 4);
r.push(1.005 * 1000, 4.35 * 100, 0.07 * 100, 123456.789 * 1000);
r.push(Math.round(1.005 * 100) / 100, Math.round((0.1 + 0.2) * 100) / 100);
r.push(9007199254740993, 9007199254740992 + 1, 0.1 + 0.7);
botContext.printDebugMessage(r.join(" "));
return r.map(String);
