var inputs = ["2024-03-07T10:30", "2024-03-07T10:30:15", "2024-03-07T10:30:15.5", "2024-03-07T10:30:15.123", "2024-03-07T00:00:00"];
var out = inputs.map(function (s) {
  var d = new Date(s);
  return [d.getTime(), d.getHours(), d.getMinutes()].join("/");
});
botContext.printDebugMessage(out.join("\n"));
return out;
