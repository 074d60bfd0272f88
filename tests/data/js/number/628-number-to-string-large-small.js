var vals = [1e20, 1e21, 123456789012345678901, 1.5e300, 2e-6, 1e-6, 1e-7, 1.23e-7, 0.000001234, 5e-324, 1.7976931348623157e308, 4.35, 0.1 * 3, 100 / 3, -1e-7, Math.pow(2, 53)];
var out = [];
for (var i = 0; i < vals.length; i++) out.push(String(vals[i]));
botContext.printDebugMessage(out.join(" "));
return out;
