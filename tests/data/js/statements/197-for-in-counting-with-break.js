var scores = {ana: 3, ben: 7, cai: 5, dee: 9};
var first = "";
var total = 0;
for (var name in scores) {
  total += scores[name];
  if (scores[name] > 6) { first = name; break; }
}
botContext.printDebugMessage(first + " " + total);
return [first, total];
