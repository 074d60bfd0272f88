botContext.setBotVariable('profile', JSON.stringify({name: "Lee", tier: "gold"}), true, false);
var raw = botContext.getBotVariable('profile');
var profile = JSON.parse(raw);
var discount = profile.tier == "gold" ? 20 : 0;
botContext.setBotVariable('discount', discount, true, false);
botContext.sendMessage(profile.name + ", you get " + discount + "% off");
return botContext.getBotVariable('discount') + botContext.getBotVariable('missing');
