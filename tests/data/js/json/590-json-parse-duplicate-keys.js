var o = JSON.parse('{"a":1,"b":2,"a":3}');
var nested = JSON.parse('{"x":{"y":1},"x":{"z":2}}');
var order = JSON.parse('{"b":1,"a":2,"b":3}');
botContext.printDebugMessage(JSON.stringify(o) + " " + JSON.stringify(nested) + " " + JSON.stringify(order));
return [o.a, Object.keys(o).join(","), JSON.stringify(nested), Object.keys(order).join(",")];
