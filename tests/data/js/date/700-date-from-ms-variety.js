var ms = [0, 1, -1, 86399999, 86400000, -86400000, 951782400000, 1709769600000, 4102444800000, -2208988800000];
var out = [];
for (var i = 0; i < ms.length; i++) {
  var d = new Date(ms[i]);
  out.push(d.toISOString() + " " + d.getTime());
}
botContext.printDebugMessage(out.join("\n"));
return out;
