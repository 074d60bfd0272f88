function capitalize(w) {
  return w.length ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w;
}
function titleCase(s) {
  return s.split(" ").map(capitalize).join(" ");
}
var r = [];
r.push(titleCase("hello WORLD"), titleCase("  double  spaces "), titleCase(""), titleCase("élan vital"));
r.push(capitalize("x"), capitalize("ÉCOLE"));
botContext.sendMessage("Hi " + titleCase("jane DOE") + "!");
return r;
