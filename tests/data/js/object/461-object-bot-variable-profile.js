var stored = botContext.getBotVariable("profile");
var profile = stored ? JSON.parse(stored) : {visits: 0, history: []};
profile.visits++;
profile.history.push("welcome");
profile.lastChannel = botContext.getChannel();
botContext.setBotVariable("profile", JSON.stringify(profile), true, false);
var again = JSON.parse(botContext.getBotVariable("profile"));
again.visits++;
return [profile.visits, again.visits, Object.keys(again), again.history];
