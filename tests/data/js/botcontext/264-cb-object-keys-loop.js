var cart = JSON.parse('{"tea": 2, "cake": 1, "pie": 3}');
var lines = [];
Object.keys(cart).forEach(function (item) {
  lines.push(item + " x" + cart[item]);
});
var total = Object.keys(cart).reduce(function (sum, k) { return sum + cart[k]; }, 0);
botContext.sendMessage(lines.join(", "));
return total;
