var inputs = ["", "abc", "2024-3-7x", "31/31/2024", "tomorrow", "2024-03-07T25:00:00Z", "2024-03-07T10:61:00Z", "2024-00-10", "2024-02-30", "2023-02-29"];
var out = inputs.map(function (s) {
  var t = new Date(s).getTime();
  return isNaN(t) ? "bad" : t;
});
botContext.printDebugMessage(out.join(","));
return out;
