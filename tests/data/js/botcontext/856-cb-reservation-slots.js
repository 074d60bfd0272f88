//! user-message: 3
var base = new Date(2024, 2, 7, 9, 0);
var slots = [];
for (var i = 0; i < 5; i++) {
  var t = new Date(base.getTime() + i * 90 * 60000);
  var h = t.getHours(), m = t.getMinutes();
  slots.push((h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m);
}
var pick = parseInt(botContext.getCurrentUserMessage(), 10);
if (pick >= 1 && pick <= slots.length) {
  botContext.setBotVariable("slot", slots[pick - 1], true, false);
  botContext.sendMessage("Booked " + slots[pick - 1] + " on 07/03/2024");
} else {
  botContext.sendMessage("Choose a slot: " + slots.map(function (s, i) { return (i + 1) + ") " + s; }).join(" "));
}
return slots;
