var u;
var r = [];
r.push(Math.floor("7.9"), Math.ceil(" 3.1 "), Math.round("-2.5"), Math.abs("-0x10"), Math.sqrt("1e2"));
r.push(Math.pow("2", "0x3"), Math.max("5", 3, "11"), Math.min("5", 3, "11"));
r.push(String(Math.floor(u)), String(Math.round({})), Math.floor(null), Math.ceil(false), Math.round(true));
r.push(Math.floor([4.5]), String(Math.floor([1, 2])), Math.abs(new Date(5)), String(Math.sqrt("four")));
botContext.printDebugMessage(r.join(" "));
return r.map(String);
