// A repeated name keeps its first place and takes the last value, for
// short names (shared across the run), names too long to share, names the
// program itself uses, and index-like names.
var long = "k" + new Array(80).join("x");
var text = '{"a":1,"b":2,"a":3,"' + long + '":4,"c":5,"' + long + '":6,"length":7,"length":8,"2":9,"2":10}';
var o = JSON.parse(text);
var keys = Object.keys(o);
botContext.printDebugMessage(keys.length + " " + keys.join(",").length);
botContext.printDebugMessage(keys[0] + " " + keys[1] + " " + keys[2]);
botContext.printDebugMessage(String(o.a) + " " + o.b + " " + o[long] + " " + o.c + " " + o.length + " " + o["2"]);
var nested = JSON.parse('[{"x":1,"y":2,"x":3},{"y":4,"x":5,"y":6}]');
botContext.printDebugMessage(JSON.stringify(nested));
return JSON.stringify(o).length;
