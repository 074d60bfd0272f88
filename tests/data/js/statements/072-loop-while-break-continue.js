var i = 0;
var sum = 0;
while (true) {
  i++;
  if (i > 100) {
    break;
  }
  if (i % 2 == 1) {
    continue;
  }
  sum += i;
}
botContext.printDebugMessage("sum of evens " + sum);
return [i, sum];
