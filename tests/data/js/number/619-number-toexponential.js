var r = [];
r.push((123456).toExponential(2), (123456).toExponential(), (0.00015).toExponential(1));
r.push((1).toExponential(), (0).toExponential(), (0).toExponential(2), (-5.5).toExponential(0));
r.push((1.25).toExponential(1), (1.35).toExponential(1), (1e21).toExponential(), (1e-7).toExponential(3));
r.push((NaN).toExponential(2), (-Infinity).toExponential());
try { (1).toExponential(101); } catch (e) { r.push(e.name); }
botContext.printDebugMessage(r.join(" "));
return r;
