// Forty levels of an array holding its child twice, as text: 2^40 members.
var a = ['x'];
for (var i = 0; i < 40; i++) {
  a = [a, a];
}
botContext.sendMessage(String(a).length);
