// Four-megabyte values under ever new names: the heap quota, which counts
// what a script hands to botContext.
var v = 'v'.repeat(4e6);
botContext.sendMessage('ready');
for (var i = 0; ; i++) {
  botContext.setBotVariable('big' + i, v, false, false);
}
