var cases = [
  new Date(2024, 12, 1),
  new Date(2024, 13, 15),
  new Date(2024, 24, 1),
  new Date(2024, -1, 1),
  new Date(2024, -13, 1),
  new Date(2023, 1, 29),
  new Date(2024, 1, 29)
];
var out = cases.map(function (d) { return d.getFullYear() + "-" + (d.getMonth() + 1) + "-" + d.getDate(); });
botContext.printDebugMessage(out.join(", "));
return out;
