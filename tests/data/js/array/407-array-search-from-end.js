var history = ["menu", "billing", "menu", "agent", "billing", "faq"];
function lastMatch(arr, pred) {
  for (var i = arr.length - 1; i >= 0; i--) if (pred(arr[i], i)) return i;
  return -1;
}
var r = [];
r.push(history.lastIndexOf("menu"), history.lastIndexOf("billing", 3), history.indexOf("faq", -1));
r.push(lastMatch(history, function (s) { return s.length === 4; }), lastMatch(history, function (s) { return s === "x"; }));
var reversed = history.slice().reverse();
r.push(reversed.indexOf("billing"), history.length - 1 - reversed.indexOf("billing"));
r.push(history.slice(history.lastIndexOf("menu") + 1));
return r;
