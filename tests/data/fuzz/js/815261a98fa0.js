var a = [1];
a.unshift(a);
var b = [a, 2];
a.push(b);
botContext.sendMessage('' + a);
botContext.sendMessage(a.join('-'));
return String(b);
