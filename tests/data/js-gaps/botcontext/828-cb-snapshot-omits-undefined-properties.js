// gap: an object property whose value is undefined is kept as null in botContext call snapshots and in the returned value, instead of being left out as JSON does
var profile = { name: "Ann", nickname: undefined, tags: [undefined, "vip"] };
botContext.printDebugMessage(profile);
botContext.setBotVariable("profile", profile, true, false);
return { ok: true, error: undefined };
