var seen = [];
for (var i = 0; i < 6; i++) {
  try {
    if (i == 1) { continue; }
    if (i == 4) { break; }
    if (i == 2) { throw "two"; }
    seen.push(i);
  } catch (e) {
    seen.push("caught " + e);
  }
}
botContext.printDebugMessage(seen.join(","));
return seen;
