var counts = {};
var words = ["a", "b", "a", "c", "a", "b"];
for (var i = 0; i < words.length; i++) {
  var w = words[i];
  if (w in counts) {
    counts[w] += 1;
  } else {
    counts[w] = 1;
  }
}
botContext.printDebugMessage(JSON.stringify(counts));
var grid = {};
grid[1 + 1] = "two";
grid[true] = "yes";
grid[null] = "nil";
return grid;
