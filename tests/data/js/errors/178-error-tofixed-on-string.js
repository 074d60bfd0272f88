var price = botContext.getCurrentUserMessage() || "5";
botContext.printDebugMessage("price " + price);
return price.toFixed(2);
