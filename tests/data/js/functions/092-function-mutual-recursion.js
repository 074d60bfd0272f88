function isEven(n) {
  if (n == 0) {
    return true;
  }
  return isOdd(n - 1);
}
function isOdd(n) {
  if (n == 0) {
    return false;
  }
  return isEven(n - 1);
}
var r = [];
for (var i = 0; i < 6; i++) {
  r.push(i + (isEven(i) ? " even" : " odd"));
}
botContext.printDebugMessage(r.join(", "));
return isOdd(17);
