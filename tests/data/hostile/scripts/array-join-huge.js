// A million empty slots joined by a megabyte: refused before allocating.
var sep = 'x'.repeat(1e6);
botContext.sendMessage(new Array(1e6).join(sep).length);
