function roundTo(x, d) { var f = Math.pow(10, d); return Math.round(x * f) / f; }
function clamp(x, lo, hi) { return Math.min(hi, Math.max(lo, x)); }
function percent(part, total) { return total === 0 ? "n/a" : Math.round(part / total * 100) + "%"; }
function pages(count, size) { return Math.ceil(count / size); }
var r = [];
r.push(roundTo(3.14159, 2), roundTo(2.675, 2), roundTo(-1.005, 2), roundTo(1234.5678, -2));
r.push(clamp(15, 0, 10), clamp(-3, 0, 10), clamp(5, 0, 10), String(clamp(NaN, 0, 10)));
r.push(percent(1, 3), percent(2, 3), percent(5, 0), pages(0, 10), pages(21, 10), pages(20, 10));
r.push(Math.floor(-7 / 2), Math.floor(7 / 2), -7 % 2, Math.abs(-7 % 2));
botContext.printDebugMessage(r.join(" "));
return r;
