function sumTree(node) {
  var total = node.value;
  for (var i = 0; i < (node.children || []).length; i++) total += sumTree(node.children[i]);
  return total;
}
function perms(s) {
  if (s.length <= 1) return [s];
  var out = [];
  for (var i = 0; i < s.length; i++) {
    var rest = perms(s.substring(0, i) + s.substring(i + 1));
    for (var j = 0; j < rest.length; j++) out.push(s.charAt(i) + rest[j]);
  }
  return out;
}
var tree = { value: 1, children: [{ value: 2, children: [{ value: 4 }] }, { value: 3 }] };
function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
return [sumTree(tree), perms("abc").join(","), perms("abcd").length, deep(2000)];
