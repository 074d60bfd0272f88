var settings;
botContext.setBotVariable('ready', true, true, false);
settings.mode = "fast";
return settings;
