// Megabyte messages: what a script hands to botContext counts against its
// heap quota.
var s = 'x'.repeat(1e6);
while (true) {
  botContext.sendMessage(s);
}
