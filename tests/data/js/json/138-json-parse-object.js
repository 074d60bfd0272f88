var text = '{"name":"Ann","age":31,"tags":["a","b"],"address":{"city":"Rome"},"active":true,"nick":null}';
var o = JSON.parse(text);
botContext.printDebugMessage(o.name + " " + (o.age + 1));
botContext.printDebugMessage(o.tags[1] + " " + o.tags.length);
botContext.printDebugMessage(o.address.city);
botContext.printDebugMessage(String(o.active) + " " + String(o.nick) + " " + String(o.missing));
botContext.printDebugMessage(typeof o.age);
return o;
