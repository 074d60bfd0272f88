var r = early(3);
botContext.printDebugMessage(String(r));
botContext.printDebugMessage(String(later()));
function early(n) {
  return n * helper();
}
function helper() {
  return 7;
}
function later() {
  return "defined below";
}
return r;
