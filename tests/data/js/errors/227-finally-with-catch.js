var log = [];
function run(fail) {
  try {
    log.push("start");
    if (fail) throw new RangeError("r");
    log.push("ok");
  } catch (e) {
    log.push("catch " + e.name);
  } finally {
    log.push("finally");
  }
  return log.length;
}
return [run(false), run(true), log];
