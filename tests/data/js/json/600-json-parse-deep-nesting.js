var depth = 50;
var text = "";
for (var i = 0; i < depth; i++) text += '{"n":';
text += '"leaf"';
for (var j = 0; j < depth; j++) text += "}";
var o = JSON.parse(text);
var d = 0;
while (typeof o === "object") { o = o.n; d++; }
var arrText = new Array(31).join("[") + "1" + new Array(31).join("]");
var back = JSON.stringify(JSON.parse(arrText));
botContext.printDebugMessage(d + " " + o);
return [d, o, back === arrText, back.length];
