var s = "hello";
var chars = s.split("");
botContext.printDebugMessage(JSON.stringify(chars));
botContext.printDebugMessage(String(chars.length));
botContext.printDebugMessage(JSON.stringify("".split("")));
botContext.printDebugMessage(JSON.stringify("abc".split("", 2)));
botContext.printDebugMessage(JSON.stringify("a b".split(" ", 5)));
var rev = "";
for (var i = chars.length - 1; i >= 0; i--) {
  rev += chars[i];
}
return rev;
