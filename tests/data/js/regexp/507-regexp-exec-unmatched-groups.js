var re = /(\d+)(?:\s*(kg|lb))?/;
var inputs = ["12 kg", "7", "weight 30lb", "none"];
var out = [];
for (var i = 0; i < inputs.length; i++) {
  var m = re.exec(inputs[i]);
  if (m === null) { out.push("null"); continue; }
  out.push([m[0], m[1], m[2] === undefined ? "undef" : m[2], m.index].join("|"));
}
var alt = /(a)|(b)/.exec("b");
out.push(JSON.stringify(alt));
out.push(String(alt[1]) + " " + alt[2]);
botContext.printDebugMessage(out.join("\n"));
return out;
