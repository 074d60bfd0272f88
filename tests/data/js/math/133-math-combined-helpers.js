function hypot(a, b) {
  return Math.sqrt(Math.pow(a, 2) + Math.pow(b, 2));
}
function clamp(x, lo, hi) {
  return Math.min(Math.max(x, lo), hi);
}
botContext.printDebugMessage(String(hypot(3, 4)));
botContext.printDebugMessage(String(clamp(15, 0, 10)));
botContext.printDebugMessage(String(clamp(-5, 0, 10)));
botContext.printDebugMessage(String(clamp("7", 0, 10)));
return Math.abs(Math.floor(-7.5)) + Math.ceil(Math.sqrt(10));
