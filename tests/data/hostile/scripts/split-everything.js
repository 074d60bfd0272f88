// Ten million one-character strings: the heap quota, as they are made.
var s = 'x'.repeat(1e7);
botContext.sendMessage(s.split('').length);
