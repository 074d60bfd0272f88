function gcd(a, b) {
  if (b == 0) {
    return a;
  }
  return gcd(b, a % b);
}
function power(base, exp) {
  if (exp == 0) {
    return 1;
  }
  var half = power(base, Math.floor(exp / 2));
  return exp % 2 == 0 ? half * half : half * half * base;
}
botContext.printDebugMessage(String(gcd(1071, 462)));
botContext.printDebugMessage(String(power(2, 10)));
botContext.printDebugMessage(String(power(2, 64)));
botContext.printDebugMessage(String(power(3, 40)));
return gcd(17, 5);
