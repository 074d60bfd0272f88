function slug(s) {
  var allowed = "abcdefghijklmnopqrstuvwxyz0123456789";
  var out = "";
  var lower = s.toLowerCase().trim();
  for (var i = 0; i < lower.length; i++) {
    var c = lower.charAt(i);
    if (allowed.indexOf(c) !== -1) out += c;
    else if (out.length && out.charAt(out.length - 1) !== "-") out += "-";
  }
  while (out.charAt(out.length - 1) === "-") out = out.slice(0, -1);
  return out;
}
return [slug("Hello, World!"), slug("  Multiple   spaces & symbols #1 "), slug("---"), slug("Café 2024")];
