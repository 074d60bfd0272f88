var log = [];
function k(v) { log.push("case" + v); return v; }
function pick(x) {
  switch (x) {
    case k(1): return "one";
    case k(2): return "two";
    case k(3): return "three";
  }
  return "none";
}
var out = [pick(2), log.join(","), (log = [], pick(9)), log.join(",")];
var n = 0;
switch (n++) { case 0: n += 10; }
out.push(n);
switch ("1") { case 1: out.push("loose"); break; case "1": out.push("strict"); break; }
return out;
