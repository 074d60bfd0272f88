var tpl = "Hello {name}, your order {orderId} ships {date}. Bye {name}!";
var vars = { name: "Ann", orderId: "A7", date: "today" };
var re = /\{(\w+)\}/g;
var names = [];
var m;
while ((m = re.exec(tpl)) !== null) {
  names.push(m[1] + "@" + m.index);
}
var filled = tpl.replace(/\{(\w+)\}/g, function (all, key) {
  return vars.hasOwnProperty(key) ? vars[key] : all;
});
var unknown = "x {missing} y".replace(/\{(\w+)\}/g, function (all, key) { return vars[key] || all; });
botContext.printDebugMessage(filled);
return { names: names, filled: filled, unknown: unknown, lastIndex: re.lastIndex };
