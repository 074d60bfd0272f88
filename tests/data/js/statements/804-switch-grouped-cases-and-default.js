function route(text) {
  var reply;
  switch (text.toLowerCase()) {
    case "hi":
    case "hello":
    case "hey":
      reply = "greeting";
      break;
    case "bye":
      reply = "farewell";
      // falls through
    case "exit":
      reply = (reply || "") + "+exit";
      break;
    case "":
      reply = "empty";
      break;
    default:
      reply = "unknown:" + text;
  }
  return reply;
}
var out = ["Hello", "HEY", "bye", "exit", "", "help"].map(route);
botContext.printDebugMessage(out.join(","));
return out;
