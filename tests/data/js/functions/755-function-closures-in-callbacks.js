var handlers = {};
["help", "agent", "hours"].forEach(function (cmd, i) {
  handlers[cmd] = function (user) { return "#" + (i + 1) + " " + cmd + " for " + user; };
});
var counts = {};
function counterFor(key) {
  counts[key] = 0;
  return function () { counts[key]++; return key + "=" + counts[key]; };
}
var a = counterFor("a"), b = counterFor("b");
a(); a(); b();
var adders = [1, 2, 3].map(function (n) { return function (x) { return x + n; }; });
var total = adders.reduce(function (acc, f) { return f(acc); }, 0);
var out = [handlers.help("Ann"), handlers.hours("Bo"), a(), b(), JSON.stringify(counts), total];
botContext.printDebugMessage(out.join("; "));
return out;
