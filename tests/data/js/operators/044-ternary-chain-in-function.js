function grade(score) {
  return score >= 90 ? "A" : score >= 80 ? "B" : score >= 70 ? "C" : "F";
}
var scores = [95, 85, 75, 65, "88", null, "abc"];
var out = [];
var i;
for (i = 0; i < scores.length; i++) {
  out.push(grade(scores[i]));
}
botContext.printDebugMessage(out.join(""));
return out;
