var log = [];
function f() {
  try { log.push("body"); return "from try"; }
  finally { log.push("cleanup"); }
}
function g() {
  try { return "try"; } finally { return "finally wins"; }
}
function h() {
  try { throw new Error("x"); } catch (e) { return "catch " + e.message; } finally { log.push("h-finally"); }
}
return [f(), g(), h(), log];
