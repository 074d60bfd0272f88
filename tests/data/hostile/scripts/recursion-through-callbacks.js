// Recursion through a callback the host calls (forEach): the same limit.
function again() {
  [1].forEach(again);
}
again();
