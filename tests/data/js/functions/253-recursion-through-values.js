var walk = function (node, depth) {
  var total = depth;
  for (var i = 0; i < node.children.length; i++) total += walk(node.children[i], depth + 1);
  return total;
};
var tree = { children: [{ children: [] }, { children: [{ children: [] }] }] };
return walk(tree, 0);
