var profile = {name: "Ana", city: "Lisbon", 3: "three", 1: "one", tier: "gold"};
var keys = [];
var values = [];
for (var k in profile) {
  keys.push(k);
  values.push(profile[k]);
}
botContext.setBotVariable("keys", keys.join(","), true, false);
botContext.printDebugMessage(values.join(","));
return keys.length;
