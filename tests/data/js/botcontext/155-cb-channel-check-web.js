var msg = "Transferring you to an agent";
if (botContext.getChannel() == "web") { botContext.sendMessage(msg); }
else { botContext.setBotVariable('transferMessage', msg, true, false); }
