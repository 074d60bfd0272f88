// Function names as ES2015 infers them from the binding, and lengths.
var handlers = {
  onText: function (msg) { return msg; },
  "on-quick": function (a, b) {},
  7: function () {},
  arrow: (x) => x,
  named: function realName(a, b, c, d) {}
};
var later;
later = function (x, y) {};
var paren = (function () {});
var r = [];
for (var k in handlers) r.push(k + "=" + handlers[k].name + "/" + handlers[k].length);
r.push(later.name, later.length, paren.name);
function outer(a) { return function (b) {}; }
r.push(outer.name, outer.length, outer(1).name === "", outer(1).length);
var b2 = handlers.named.bind(null, 1, 2);
r.push(b2.name, b2.length, b2.bind(null, 3).name, b2.bind(null, 3, 4, 5).length);
var o = {};
o.method = function () {};
r.push(o.method.name === "", typeof o.method.length);
botContext.printDebugMessage(r.join(" "));
return r;
