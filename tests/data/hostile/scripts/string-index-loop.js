// Indexing a long non-ASCII string walks it from the start each time: paid
// in fuel. (An ASCII string indexes in constant time.)
var s = 'é'.repeat(2e6);
var n = 0;
for (var i = 0; i < 1e6; i++) {
  n += s.charCodeAt(s.length - 1 - i);
}
