function f() {
  try { throw new Error("first"); }
  finally { throw new TypeError("second"); }
}
try { f(); } catch (e) { return e.name + ":" + e.message; }
