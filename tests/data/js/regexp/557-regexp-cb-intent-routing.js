var routes = [
  { re: /\b(agent|human|representative)\b/i, target: "transfer" },
  { re: /\b(bill|invoice|payment)s?\b/i, target: "billing" },
  { re: /^(hi|hello|hey)\b/i, target: "greeting" },
  { re: /\b(bye|goodbye)\b/i, target: "farewell" }
];
function route(text) {
  for (var i = 0; i < routes.length; i++) {
    if (routes[i].re.test(text)) return routes[i].target;
  }
  return "fallback";
}
var msgs = ["Hello there", "talk to a HUMAN", "Question about my invoices", "ok bye", "hey, my payment failed", "what?"];
var out = [];
for (var k = 0; k < msgs.length; k++) {
  var t = route(msgs[k]);
  out.push(t);
  botContext.printDebugMessage(msgs[k] + " -> " + t);
}
return out;
