var out = [];
var n = 0;
do { out.push("once"); } while (false);
do { n++; } while (n < 5 && n !== 3);
out.push(n);
var queue = ["a", "b", "", "c"];
var taken = [];
var item;
while ((item = queue.shift()) !== undefined) {
  if (!item) continue;
  taken.push(item);
}
out.push(taken.join(""));
for (var i = 10, j = 0; i > j; i -= 3, j++) out.push(i + "-" + j);
var k = 0;
for (;;) { if (++k >= 4) break; }
out.push(k);
return out;
