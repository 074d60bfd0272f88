var count = botContext.getBotVariable('visits');
if (count == null) {
  count = 0;
}
count = count + 1;
botContext.setBotVariable('visits', count, true, false);
count = botContext.getBotVariable('visits');
botContext.setBotVariable('visits', count + 1, true, false);
botContext.printDebugMessage("visits now " + botContext.getBotVariable('visits'));
return botContext.getBotVariable('visits');
