var out = [];
for (var i = 0; i < 20; i++) {
  if (i % 3 == 0) {
    continue;
  }
  if (i > 10) {
    break;
  }
  out.push(i);
}
botContext.printDebugMessage(out.join(" "));
return i;
