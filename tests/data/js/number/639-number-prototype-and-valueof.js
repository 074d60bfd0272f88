var r = [];
r.push((5).valueOf(), typeof (5).valueOf());
r.push(Number.prototype.toFixed.call(3.14159, 3));
r.push(typeof Number.prototype.toString);
botContext.printDebugMessage(r.join(" "));
return r;
