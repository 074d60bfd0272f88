var inputs = [
  "March 7, 2024",
  "2024/03/07",
  "Thu, 07 Mar 2024 10:00:00 GMT",
  "03/07/2024 10:30",
  "03/07/2024",
  "Mar 7 2024",
  "7 March 2024"
];
var out = [];
inputs.forEach(function (s) {
  var d = new Date(s);
  out.push(s + " -> " + (isNaN(d.getTime()) ? "invalid" : d.toISOString()));
});
botContext.printDebugMessage(out.join("\n"));
return out;
