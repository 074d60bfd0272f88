// An array nested 100,000 deep: too deep for the host to turn into text.
var a = [];
for (var i = 0; i < 1e5; i++) {
  a = [a];
}
botContext.sendMessage(String(a));
