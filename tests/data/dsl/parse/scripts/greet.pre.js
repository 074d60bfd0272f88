var hour = new Date().getHours();
botContext.setBotVariable("hour", hour, true, false);
