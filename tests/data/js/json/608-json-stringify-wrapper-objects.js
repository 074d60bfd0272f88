//! differs: new String/Number/Boolean (wrapper objects) are a TypeError
var r = [];
r.push(JSON.stringify(new String("s")));
r.push(JSON.stringify(new Number(3)));
r.push(JSON.stringify(new Boolean(false)));
r.push(JSON.stringify({ s: new String("x"), n: new Number(-1) }));
botContext.printDebugMessage(r.join(" "));
return r;
