function check(n) {
  if (n < 0) { throw new RangeError("negative: " + n); }
  return n * 2;
}
var out = [];
try {
  out.push(check(2));
  out.push(check(-3));
  out.push(check(4));
} catch (e) {
  out.push(e.name + " " + e.message);
}
out.push(check(5));
botContext.printDebugMessage(out.join(", "));
return out;
