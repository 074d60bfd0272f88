var msg = "  My   order\tnumber is\n 12 345  ";
var words = msg.trim().split(/\s+/);
var noSpace = msg.replace(/\s+/g, "");
var single = msg.replace(/\s+/g, " ").trim();
var digits = msg.replace(/[^\d]/g, "");
botContext.printDebugMessage(JSON.stringify(words));
botContext.printDebugMessage(noSpace + " / " + single + " / " + digits);
var isEmpty = function (s) { return !s || /^\s*$/.test(s); };
return [words.length, noSpace, single, digits, isEmpty("   \t"), isEmpty(" x "), isEmpty("")];
