var seed = 7;
function nextRand() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function uuid() {
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
    var r = (nextRand() * 16) | 0;
    var v = c === "x" ? r : (r & 0x3) | 0x8;
    return v.toString(16);
  });
}
var a = uuid();
var b = uuid();
botContext.printDebugMessage(a);
botContext.printDebugMessage(b);
var valid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
botContext.setBotVariable("requestId", a, true, false);
return [a, b, a.length, valid.test(a), valid.test(b), a !== b];
