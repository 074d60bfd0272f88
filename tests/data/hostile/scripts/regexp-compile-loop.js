// A new 100 KB pattern each time: compiling is host work, paid in fuel, and
// patterns this long are not kept in the bot's cache.
var p = 'a'.repeat(1e5);
for (var i = 0; ; i++) {
  new RegExp(p + i);
}
