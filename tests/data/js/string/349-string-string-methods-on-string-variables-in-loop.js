var words = ["apple", "Banana", "cherry", "date", "Elderberry", "fig"];
var report = [];
words.forEach(function (w, i) {
  var first = w.charAt(0);
  var isUpper = first === first.toUpperCase();
  report.push(i + ":" + w.length + ":" + (isUpper ? "U" : "l") + ":" + w.slice(-2));
});
var longest = words.reduce(function (a, b) { return b.length > a.length ? b : a; });
botContext.printDebugMessage(report.join(" "));
return [report, longest, words.join("").length];
