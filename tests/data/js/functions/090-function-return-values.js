function noReturn() {
  var x = 1;
}
function emptyReturn() {
  return;
}
function early(n) {
  if (n > 0) {
    return "positive";
  }
  return "non-positive";
}
function pair(a, b) {
  return {a: a, b: b, sum: a + b};
}
botContext.printDebugMessage(String(noReturn()));
botContext.printDebugMessage(String(emptyReturn()));
botContext.printDebugMessage(early(5) + " " + early(-5));
botContext.printDebugMessage(JSON.stringify(pair(1, "2")));
return pair(2, 3).sum;
