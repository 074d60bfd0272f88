var o = {name: "Ann"};
botContext.printDebugMessage("obj: " + o);
botContext.printDebugMessage(o + "");
botContext.printDebugMessage("name: " + o.name);
botContext.printDebugMessage("missing: " + o.age);
botContext.printDebugMessage(String({}));
botContext.printDebugMessage(String([o, o]));
return "" + {a: 1} + 1;
