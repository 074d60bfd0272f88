var pairs = [];
outer: for (var i = 0; i < 4; i++) {
  for (var j = 0; j < 4; j++) {
    if (j > i) {
      continue outer;
    }
    if ((i + j) % 2 == 1) {
      continue;
    }
    pairs.push(i + "" + j);
  }
}
botContext.printDebugMessage(pairs.join(","));
return pairs.length;
