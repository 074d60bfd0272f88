var rows = [];
for (var r = 1; r <= 3; r++) {
  var line = "";
  for (var c = 1; c <= 4; c++) {
    line += (r * c) + (c < 4 ? " " : "");
  }
  rows.push(line);
}
botContext.printDebugMessage(rows.join("\n"));
return rows;
