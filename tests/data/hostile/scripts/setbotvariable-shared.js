// A value holding its child twice, forty levels deep: 2^40 members once
// copied out of the script.
var o = {};
for (var i = 0; i < 40; i++) {
  o = { a: o, b: o };
}
botContext.setBotVariable('shared', o, false, false);
