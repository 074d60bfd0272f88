var r = [];
r.push(Number.parseFloat === parseFloat, Number.parseInt === parseInt);
r.push(Number.parseFloat("3.14abc"), Number.parseInt("42px"), Number.parseInt("ff", 16));
r.push(String(Number.parseFloat("x")), Number.parseInt("  -17  "));
r.push(typeof Number.parseFloat, typeof Number.isInteger);
botContext.printDebugMessage(r.join(" "));
return r;
