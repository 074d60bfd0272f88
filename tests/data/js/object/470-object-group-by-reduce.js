var messages = [
  {from: "user", text: "hi", t: 1}, {from: "bot", text: "hello", t: 2}, {from: "user", text: "price?", t: 3},
  {from: "agent", text: "50", t: 4}, {from: "user", text: "thanks", t: 5}
];
var byFrom = messages.reduce(function (acc, m) {
  (acc[m.from] = acc[m.from] || []).push(m.text);
  return acc;
}, {});
var firstSeen = {};
messages.forEach(function (m) { if (!(m.from in firstSeen)) firstSeen[m.from] = m.t; });
var counts = Object.keys(byFrom).map(function (k) { return k + "=" + byFrom[k].length; });
return [byFrom, firstSeen, counts];
