function balanced(s) {
  var stack = [];
  var pairs = {")": "(", "]": "[", "}": "{"};
  for (var i = 0; i < s.length; i++) {
    var c = s.charAt(i);
    if ("([{".indexOf(c) !== -1) stack.push(c);
    else if (c in pairs) { if (stack.pop() !== pairs[c]) return false; }
  }
  return stack.length === 0;
}
var r = [balanced("(a[b]{c})"), balanced("(]"), balanced("(("), balanced(""), balanced("x)")];
var history = [];
["p1", "p2", "p3", "p4"].forEach(function (p) { history.push(p); if (history.length > 2) history.shift(); });
r.push(history);
return r;
