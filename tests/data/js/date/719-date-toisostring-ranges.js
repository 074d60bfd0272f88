var values = [0, 999, -999, 1e12, -1e12, 253402300799999, 253402300800000, -62167219200000, -62167219200001, 8.64e15, -8.64e15];
var out = [];
values.forEach(function (v) { out.push(new Date(v).toISOString()); });
botContext.printDebugMessage(out.join("\n"));
return out;
