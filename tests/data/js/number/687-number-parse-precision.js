var r = [];
r.push(parseInt("123456789012345678901234567890"), parseInt("900719925474099267"), parseInt("9007199254740993"));
r.push(parseInt("ffffffffffffffffff", 16), parseInt("11111111111111111111111111111111111111111111111111111111", 2));
r.push(parseFloat("0.1000000000000000055511151231257827"), Number("9007199254740993"), Number("2.2250738585072011e-308"));
r.push(Number("0.0000001"), parseFloat("1e-324"), parseFloat("2.4703282292062328e-324"), Number("17976931348623158e292"));
r.push((0.1).toFixed(20), (-1.5e-7).toFixed(10), (999.995).toFixed(2), (5e-7).toFixed(6));
botContext.printDebugMessage(r.map(String).join(" "));
return r.map(String);
