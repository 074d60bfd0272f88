//! differs: runaway recursion stops the whole run at the stack limit (a sandbox limit, not catchable); JavaScript throws a catchable RangeError
function down(n) { return down(n + 1) + 1; }
try {
  down(0);
} catch (e) {
  return e.name;
}
