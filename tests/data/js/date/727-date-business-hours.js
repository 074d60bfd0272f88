function isOpen(d) {
  var day = d.getDay();
  var mins = d.getHours() * 60 + d.getMinutes();
  if (day === 0 || day === 6) return false;
  if (day === 5) return mins >= 9 * 60 && mins < 15 * 60;
  return mins >= 8 * 60 + 30 && mins < 17 * 60 + 30;
}
var checks = [
  new Date(2024, 2, 7, 8, 29), new Date(2024, 2, 7, 8, 30), new Date(2024, 2, 7, 17, 29),
  new Date(2024, 2, 7, 17, 30), new Date(2024, 2, 8, 14, 59), new Date(2024, 2, 8, 15, 0),
  new Date(2024, 2, 9, 12, 0), new Date(2024, 2, 10, 12, 0), new Date("2024-03-11T09:00:00Z")
];
var out = [];
for (var i = 0; i < checks.length; i++) {
  var msg = isOpen(checks[i]) ? "We're open, an agent will join shortly." : "We're closed right now.";
  out.push(checks[i].toISOString().substring(0, 16) + " " + isOpen(checks[i]));
  if (i === 0 || i === 1) botContext.sendMessage(msg);
}
return out;
