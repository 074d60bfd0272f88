// Recursion that catches its own overflow and recurses from the handler.
function f() {
  try {
    return f();
  } catch (e) {
    return f();
  }
}
f();
