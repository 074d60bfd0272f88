var r = [];
r.push((123.456).toPrecision(4), (123.456).toPrecision(2), (123.456).toPrecision(1));
r.push((0.000123).toPrecision(2), (0.00000123).toPrecision(2), (1e21).toPrecision(3));
r.push((123456).toPrecision(2), (99.99).toPrecision(3), (1.5).toPrecision(1), (2.5).toPrecision(1));
r.push((0).toPrecision(3), (-1.23).toPrecision(2), (5).toPrecision(5), (123).toPrecision());
r.push((NaN).toPrecision(2), (Infinity).toPrecision(3));
botContext.printDebugMessage(r.join(" "));
return r;
