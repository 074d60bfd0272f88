// Built-ins changed in one run stay changed for that run only.
Array.prototype.push = function () { return 'hijacked'; };
Object.prototype.polluted = 'yes';
String.prototype.toString = function () { return 'evil'; };
JSON.parse = function () { return 'evil'; };
Math.max = function () { return -1; };
botContext.sendMessage([[].push(1), ({}).polluted].join(','));
