var n = 0;
var log = [];
loop1: while (n < 10) {
  n++;
  var m = 0;
  loop2: do {
    m++;
    if (m == 2 && n == 2) {
      continue loop1;
    }
    if (n * m > 6) {
      break loop1;
    }
    if (m >= 3) {
      break loop2;
    }
    log.push(n + "." + m);
  } while (true);
}
botContext.printDebugMessage(log.join(" "));
return n;
