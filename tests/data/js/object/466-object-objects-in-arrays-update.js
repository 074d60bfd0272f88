var cart = [{sku: "A", qty: 1}, {sku: "B", qty: 2}];
function add(sku, n) {
  var found = cart.find(function (i) { return i.sku === sku; });
  if (found) found.qty += n;
  else cart.push({sku: sku, qty: n});
}
function remove(sku) {
  var idx = cart.findIndex(function (i) { return i.sku === sku; });
  if (idx !== -1) cart.splice(idx, 1);
  return idx;
}
add("A", 2); add("C", 1); add("B", -2);
var removedAt = remove("B");
var notFound = remove("Z");
botContext.setBotVariable("cart", cart, true, false);
return [cart, removedAt, notFound];
