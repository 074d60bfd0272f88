var n = 42;
var r = [];
r.push(n.toString(), 42..toString(), (42).toFixed(1), 4.2.toFixed(2));
r.push((1e3).toString(), 0.5.toString(), (-3).toString(), typeof n.toString());
var price = "19.999";
r.push(Number(price).toFixed(2), (+price).toFixed(0), parseFloat(price).toString());
botContext.printDebugMessage(r.join(" "));
return r;
