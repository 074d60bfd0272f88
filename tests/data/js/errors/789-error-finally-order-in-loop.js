var log = [];
function attempt(i) {
  try {
    log.push("try" + i);
    if (i === 1) throw new RangeError("one");
    if (i === 2) return "ret" + i;
    log.push("body" + i);
  } catch (e) {
    log.push("catch" + i + ":" + e.name);
  } finally {
    log.push("finally" + i);
  }
  return "end" + i;
}
var results = [];
for (var i = 0; i < 4; i++) results.push(attempt(i));
botContext.printDebugMessage(log.join(" "));
return results;
