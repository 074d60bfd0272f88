var r = [];
r.push((255).toString(16), (255).toString(2), (255).toString(8), (255).toString(36));
r.push((-255).toString(16), (0).toString(2), (35).toString(36), (36).toString(36));
r.push((0.5).toString(2), (0.1).toString(3).slice(0, 12), (3.75).toString(16));
r.push((1e21).toString(36), (2147483648).toString(16), (NaN).toString(16), (-Infinity).toString(2));
r.push((255).toString(10), (255).toString(undefined));
botContext.printDebugMessage(r.join(" "));
return r;
