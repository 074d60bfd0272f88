var scores = [72, 95, 88, 61, 95, 79];
var best = -Infinity;
var worst = Infinity;
for (var i = 0; i < scores.length; i++) {
  best = Math.max(best, scores[i]);
  worst = Math.min(worst, scores[i]);
}
var viaReduce = scores.reduce(function (m, s) { return Math.max(m, s); }, -Infinity);
var avg = scores.reduce(function (a, b) { return a + b; }, 0) / scores.length;
var empty = [].reduce(function (m, s) { return Math.max(m, s); }, -Infinity);
botContext.printDebugMessage("best " + best + ", worst " + worst + ", avg " + avg.toFixed(1));
return [best, worst, viaReduce, Math.round(avg * 100) / 100, String(empty)];
