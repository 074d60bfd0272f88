// Megabytes of JSON parse (the heap quota allows them) ...
var big = '{"k": "' + 'x'.repeat(1e6) + '", "list": [' + '1,'.repeat(1e5) + '1]}';
var o = JSON.parse(big);
botContext.sendMessage('parsed ' + o.k.length + ' ' + o.list.length);
// ... and parsing them again and again runs out of heap.
while (true) {
  JSON.parse(big);
}
