function outer(x) {
  function square(n) {
    return n * n;
  }
  function twice(n) {
    return n + n;
  }
  return square(x) + twice(x);
}
botContext.printDebugMessage(String(outer(3)));
botContext.printDebugMessage(String(outer("4")));
return outer(-1);
