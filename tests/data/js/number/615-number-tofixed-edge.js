var r = [];
r.push((1.45).toFixed(1), (1.55).toFixed(1), (8.345).toFixed(2), (0.5).toFixed(0), (1.5).toFixed(0));
r.push((-0.5).toFixed(0), (-1e-10).toFixed(2), (0).toFixed(2), (-0).toFixed(2));
r.push((123.456).toFixed(10), (1e20).toFixed(2), (1.23e-10).toFixed(20));
r.push((NaN).toFixed(2), (Infinity).toFixed(1), (-Infinity).toFixed(0));
r.push((2.5).toFixed("1"), (2.449).toFixed(undefined));
botContext.printDebugMessage(r.join(" "));
return r;
