var items = [{n: 1}, {n: 2}];
var sum = 0;
for (var i = 0; i <= items.length; i++) {
  botContext.printDebugMessage("item " + i);
  sum += items[i].n;
}
return sum;
