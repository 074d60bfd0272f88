function truncate(text, max) {
  if (text.length <= max) return text;
  var cut = text.substring(0, max - 3);
  var space = cut.lastIndexOf(" ");
  if (space > max / 2) cut = cut.substring(0, space);
  return cut + "...";
}
var long = "Your order has been shipped and will arrive within three business days";
var r = [truncate(long, 20), truncate(long, 40), truncate("short", 10), truncate("abcdefghijkl", 8)];
for (var i = 0; i < r.length; i++) botContext.printDebugMessage(r[i] + " (" + r[i].length + ")");
return r;
