function safe(fn, fallback) {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    botContext.printDebugMessage("safe(): " + (e && e.name ? e.name : typeof e));
    return { ok: false, value: fallback, error: e && e.name ? e.name : String(e) };
  }
}
var profile = null;
var results = [
  safe(function () { return JSON.parse("{\"a\":1}").a; }, 0),
  safe(function () { return profile.name; }, "guest"),
  safe(function () { return undefinedHelper(); }, "n/a"),
  safe(function () { throw "plain"; }, -1),
  safe(function () { return (12.345).toFixed(1); }, "")
];
return results;
