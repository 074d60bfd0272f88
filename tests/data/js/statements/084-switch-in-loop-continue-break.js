var words = ["hi", "skip", "bye", "stop", "never"];
var out = [];
for (var i = 0; i < words.length; i++) {
  switch (words[i]) {
    case "skip":
      continue;
    case "stop":
      break;
    default:
      out.push(words[i].toUpperCase());
  }
  if (words[i] == "stop") {
    break;
  }
}
botContext.printDebugMessage(out.join(" "));
return i;
