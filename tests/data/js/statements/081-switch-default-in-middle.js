function pick(x) {
  var log = "";
  switch (x) {
    case 1:
      log += "one;";
    default:
      log += "default;";
    case 2:
      log += "two;";
      break;
    case 3:
      log += "three;";
  }
  return log;
}
botContext.printDebugMessage(pick(1));
botContext.printDebugMessage(pick(2));
botContext.printDebugMessage(pick(3));
botContext.printDebugMessage(pick(4));
return pick("2");
