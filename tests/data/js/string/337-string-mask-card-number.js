function mask(card) {
  var digits = card.split(" ").join("").split("-").join("");
  var last4 = digits.slice(-4);
  return "*".repeat(digits.length - 4) + last4;
}
function group(s) {
  var out = [];
  for (var i = 0; i < s.length; i += 4) out.push(s.substr(i, 4));
  return out.join(" ");
}
var r = [mask("4111 1111 1111 1234"), mask("5500-0000-0000-0004"), group(mask("378282246310005"))];
botContext.printDebugMessage(r[2]);
return r;
