var DAY = 24 * 60 * 60 * 1000;
function daysBetween(a, b) { return Math.round((b - a) / DAY); }
var out = [];
out.push(daysBetween(new Date(2024, 0, 1), new Date(2024, 11, 31)));
out.push(daysBetween(new Date(2023, 0, 1), new Date(2024, 0, 1)));
out.push(daysBetween(new Date(2024, 0, 1), new Date(2025, 0, 1)));
out.push(daysBetween(new Date(2024, 2, 10), new Date(2024, 2, 1)));
out.push((new Date(2024, 2, 7, 18) - new Date(2024, 2, 7, 9, 30)) / 3600000);
out.push(Math.floor((new Date("2024-03-07T10:00:00Z") - new Date("2024-03-01")) / DAY));
botContext.printDebugMessage(out.join(" "));
return out;
