var pairs = [[2, 4], [-1, 8], [-2, -2], [0xffffffff, 5], [0xfffffffe, 5], [65536, 65536], [2147483647, 2], [1.9, 3.9], [NaN, 3], ["3", "4"]];
var out = [];
for (var i = 0; i < pairs.length; i++) out.push(Math.imul(pairs[i][0], pairs[i][1]));
function hash(s) {
  var h = 0;
  for (var j = 0; j < s.length; j++) h = Math.imul(31, h) + s.charCodeAt(j) | 0;
  return h;
}
out.push(hash("conversation-42"), hash(""));
botContext.printDebugMessage(out.join(" "));
return out;
