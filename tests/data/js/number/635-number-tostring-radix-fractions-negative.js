var r = [];
r.push((-0.5).toString(2), (0.75).toString(4), (10.5).toString(16), (-10.25).toString(8));
r.push((1 / 3).toString(2).length > 10, (255.5).toString(16), (0.1).toString(2).slice(0, 20));
r.push((4294967295).toString(2), (-4294967296).toString(16), (1e-7).toString(2).slice(0, 14));
botContext.printDebugMessage(r.join(" "));
return r;
