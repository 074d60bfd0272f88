var now = new Date("2024-03-08T16:45:00Z");
var hours = { 1: [9, 18], 2: [9, 18], 3: [9, 18], 4: [9, 18], 5: [9, 16], 6: null, 0: null };
var today = hours[now.getUTCDay()];
var h = now.getUTCHours() + now.getUTCMinutes() / 60;
var open = today !== null && h >= today[0] && h < today[1];
var names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var msg;
if (open) {
  msg = "We're open until " + today[1] + ":00 today.";
} else {
  var d = now.getUTCDay();
  var next = (d + 1) % 7;
  while (hours[next] === null) next = (next + 1) % 7;
  msg = "We're closed. We open again " + names[next] + " at " + hours[next][0] + ":00.";
}
botContext.sendMessage(msg);
botContext.setBotVariable("isOpen", open, true, false);
return [open, msg, names[now.getUTCDay()]];
