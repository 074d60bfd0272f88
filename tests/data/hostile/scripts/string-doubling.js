// Doubles a string until something gives: the heap quota.
var s = 'x';
while (true) {
  s = s + s;
}
