function trimText(s) {
  return s.replace(/(^\s*)|(\s*$)/g, "");
}
function ltrim(s) { return s.replace(/^\s+/, ""); }
function rtrim(s) { return s.replace(/\s+$/, ""); }
var inputs = ["  hello  ", "\t\nhi there\r\n", "none", "   ", "", " a b "];
var out = [];
for (var i = 0; i < inputs.length; i++) {
  out.push("[" + trimText(inputs[i]) + "][" + ltrim(inputs[i]) + "][" + rtrim(inputs[i]) + "]");
  out.push(trimText(inputs[i]) === inputs[i].trim());
}
botContext.printDebugMessage(out.join("\n"));
return out;
