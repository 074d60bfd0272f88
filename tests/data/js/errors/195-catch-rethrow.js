var log = [];
try {
  try {
    throw new TypeError("first");
  } catch (e) {
    log.push("inner " + e.name);
    throw e;
  }
} catch (again) {
  log.push("outer " + again.message);
}
botContext.setBotVariable("log", log.join(";"), true, false);
return log.length;
