var text = '{"price":"12.50","qty":"3","name":"pen","tags":["a","b"]}';
var o = JSON.parse(text, function (key, value) {
  if (key === "price" || key === "qty") return Number(value);
  if (typeof value === "string") return value.toUpperCase();
  return value;
});
botContext.printDebugMessage(JSON.stringify(o));
return [o.price * o.qty, o.name, o.tags.join("")];
