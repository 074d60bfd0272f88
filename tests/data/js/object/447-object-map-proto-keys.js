var counts = {};
var words = ["toString", "valueOf", "constructor", "a", "toString"];
words.forEach(function (w) {
  counts[w] = counts.hasOwnProperty(w) ? counts[w] + 1 : 1;
});
return [counts, Object.keys(counts), counts.toString];
