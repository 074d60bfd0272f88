// Forty levels of an object holding its child twice: a few kilobytes of
// heap, 2^40 members written out as JSON. Paid for as it is written.
var o = {};
for (var i = 0; i < 40; i++) {
  o = { a: o, b: o };
}
botContext.sendMessage(JSON.stringify(o).length);
