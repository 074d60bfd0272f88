var e = "outer e";
try {
  throw new Error("inner");
} catch (e) {
  botContext.printDebugMessage(e.message);
  var leaked = "var in catch";
}
function f() {
  var err = 1;
  try { missing(); } catch (err) { return typeof err; }
}
return [e, leaked, f()];
