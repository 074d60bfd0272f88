var money = { amount: 5, currency: "EUR", toJSON: function () { return this.amount + " " + this.currency; } };
var keys = [];
var wrapper = {
  price: money,
  items: [money, { toJSON: function (key) { keys.push(key); return { k: key }; } }],
  nested: { toJSON: function (key) { keys.push(key); return undefined; } },
  plain: { toJSON: 5 }
};
var s = JSON.stringify(wrapper);
botContext.printDebugMessage(s);
var top = JSON.stringify({ toJSON: function (k) { return "top:" + k; } });
var withReplacer = JSON.stringify({ v: { toJSON: function () { return 2; } } }, function (k, v) {
  return typeof v === "number" ? v + 100 : v;
});
return { s: s, keys: keys, top: top, withReplacer: withReplacer };
