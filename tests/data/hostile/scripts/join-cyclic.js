// An array inside itself converts with the inner reference empty (as V8
// does), instead of recursing forever.
var a = [1];
a.push(a);
botContext.sendMessage(String(a) + '|' + a.join('-'));
