// An eight-megabyte variable name.
var key = 'k'.repeat(8e6);
botContext.sendMessage('ready');
botContext.setBotVariable(key, 1, false, false);
