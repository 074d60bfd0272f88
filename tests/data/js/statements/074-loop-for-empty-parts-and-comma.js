var i = 0;
var log = [];
for (; i < 3;) {
  log.push("i" + i);
  i += 1;
}
for (;;) {
  if (log.length >= 5) {
    break;
  }
  log.push("forever");
}
var j;
for (j = 10, i = 0; j > i; j -= 3, i++) {
  log.push(j + ":" + i);
}
botContext.printDebugMessage(log.join(" "));
return log.length;
