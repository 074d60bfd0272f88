var r = [];
r.push(String(0), String(-0), String(1.5), String(-2e-7), String(1e21), String(123456789012));
r.push(String(NaN), String(Infinity), String(-Infinity));
r.push(String(true), String(false), String(null), String(undefined), String());
r.push(String("x"), String(""), typeof String(5));
r.push(0.1 + 0.2 + "", 100 / 3 + "", (1 / 3).toString());
botContext.printDebugMessage(r.join(" "));
return r;
