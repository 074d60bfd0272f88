var found = "none";
outer:
for (var i = 0; i < 5; i++) {
  for (var j = 0; j < 5; j++) {
    if (i * j == 6) {
      found = i + "x" + j;
      break outer;
    }
  }
}
botContext.printDebugMessage(found);
return [i, j];
