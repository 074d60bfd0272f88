function factorial(n) {
  if (n <= 1) {
    return 1;
  }
  return n * factorial(n - 1);
}
botContext.printDebugMessage(String(factorial(5)));
botContext.printDebugMessage(String(factorial(10)));
botContext.printDebugMessage(String(factorial(20)));
botContext.printDebugMessage(String(factorial(25)));
return factorial(0);
