function grade(score) {
  switch (true) {
    case score >= 90: return "A";
    case score >= 80: return "B";
    case score >= 70: return "C";
    case isNaN(score): return "?";
    default: return "F";
  }
}
function sizeOf(n) {
  var s = "";
  switch (typeof n) {
    case "number": s = n > 10 ? "big" : "small"; break;
    case "string": s = "text"; break;
    case "object": s = n === null ? "null" : "obj"; break;
  }
  return s || "none";
}
return [[95, 85, 75, 10, NaN, 90].map(grade).join(""), [5, 50, "x", null, {}, undefined].map(sizeOf).join(",")];
