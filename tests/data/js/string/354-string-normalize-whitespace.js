function squeeze(s) {
  var parts = s.split(" ");
  var kept = [];
  for (var i = 0; i < parts.length; i++) if (parts[i] !== "") kept.push(parts[i]);
  return kept.join(" ");
}
var r = [squeeze("  many    spaces   here "), squeeze(""), squeeze("one"), squeeze("a  b").length];
r.push(squeeze("tabs\tstay  but  spaces go"));
return r;
