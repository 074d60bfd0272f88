var DAY = 86400000;
function daysUntil(target, today) {
  var t = new Date(target.getFullYear(), target.getMonth(), target.getDate());
  var n = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.ceil((t - n) / DAY);
}
var today = new Date(2024, 2, 7, 15, 45);
var events = { "Christmas": new Date(2024, 11, 25), "New Year": new Date(2025, 0, 1), "Yesterday": new Date(2024, 2, 6, 23), "Today": new Date(2024, 2, 7, 1), "Leap day": new Date(2028, 1, 29) };
var out = [];
for (var name in events) {
  var n = daysUntil(events[name], today);
  out.push(name + ": " + (n > 0 ? n + " days to go" : n === 0 ? "today!" : -n + " days ago"));
}
botContext.printDebugMessage(out.join("; "));
return out;
