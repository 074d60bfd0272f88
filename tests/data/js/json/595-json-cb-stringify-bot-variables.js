botContext.setBotVariable("count", 3, true, false);
botContext.setBotVariable("flag", true, true, false);
botContext.setBotVariable("profile", { name: "Ann", langs: ["en", "it"] }, true, false);
var snapshot = {
  count: botContext.getBotVariable("count"),
  flag: botContext.getBotVariable("flag"),
  profile: botContext.getBotVariable("profile"),
  missing: botContext.getBotVariable("missing")
};
var s = JSON.stringify(snapshot);
botContext.printDebugMessage(s);
botContext.setBotVariable("snapshot", s, true, false);
var again = JSON.parse(botContext.getBotVariable("snapshot"));
return [again.profile.langs[1], again.missing, typeof again.count, s.length];
