function getVar(name, fallback) {
  var v = botContext.getBotVariable(name);
  return v === null || v === undefined || v === "" ? fallback : v;
}
function setVar(name, value) { botContext.setBotVariable(name, value, true, false); }
function log(msg) { botContext.printDebugMessage("[" + botContext.getConversationId() + "] " + msg); }
function isEmpty(s) { return s === null || s === undefined || String(s).trim() === ""; }
var lang = getVar("lang", "en");
setVar("lang", lang);
log("lang=" + lang);
var empties = [null, undefined, "", "  ", "x", 0].map(isEmpty);
log("empties=" + empties.join(","));
return [lang, getVar("nothing", "default"), empties];
