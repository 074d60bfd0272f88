var profile = { name: "Ann", nickname: undefined, tags: [undefined, "vip"] };
botContext.printDebugMessage(profile);
botContext.setBotVariable("profile", profile, true, false);
return { ok: true, error: undefined };
