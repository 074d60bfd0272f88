var inputs = [
  "2024-03-07",
  "2024-03-07T10:30Z",
  "2024-03-07T10:30:15Z",
  "2024-03-07T10:30:15.5Z",
  "2024-03-07T10:30:15.123Z",
  "1999-12-31T23:59:59.999Z",
  "2024-03",
  "2024"
];
var out = inputs.map(function (s) { return s + " => " + new Date(s).getTime(); });
botContext.printDebugMessage(out.join("\n"));
return out;
