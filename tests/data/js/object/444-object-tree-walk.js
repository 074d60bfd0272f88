var menu = {
  label: "root",
  children: [
    {label: "Billing", children: [{label: "Invoices", children: []}, {label: "Refunds", children: []}]},
    {label: "Support", children: [{label: "Chat", children: [{label: "Agent", children: []}]}]},
    {label: "About", children: []}
  ]
};
var paths = [];
function walk(node, prefix) {
  var path = prefix ? prefix + " > " + node.label : node.label;
  if (node.children.length === 0) paths.push(path);
  node.children.forEach(function (c) { walk(c, path); });
}
walk(menu, "");
function count(node) { return 1 + node.children.reduce(function (s, c) { return s + count(c); }, 0); }
function find(node, label) {
  if (node.label === label) return node;
  for (var i = 0; i < node.children.length; i++) { var f = find(node.children[i], label); if (f) return f; }
  return null;
}
return [paths, count(menu), find(menu, "Chat").children[0].label, find(menu, "Nope")];
