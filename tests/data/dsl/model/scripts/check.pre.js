// Jumps to an interaction the bot does not have.
botContext.setTriggerNextMessage("finish");
