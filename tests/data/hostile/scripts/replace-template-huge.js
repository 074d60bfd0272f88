// A long replacement template for each of a million matches.
var s = 'x'.repeat(1e6);
botContext.sendMessage(s.replace(/x/g, '$&'.repeat(1000)).length);
