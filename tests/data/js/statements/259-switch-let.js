var label = "none";
function describe(n) {
  var label = "before";
  switch (n) {
    case 1:
      let label = "one";
      return label;
    default:
      return "other";
  }
}
return [describe(1), describe(2), label];
