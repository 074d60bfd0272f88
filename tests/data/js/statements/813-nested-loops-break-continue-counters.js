var primes = [];
outer: for (var n = 2; primes.length < 10; n++) {
  for (var d = 2; d * d <= n; d++) {
    if (n % d === 0) continue outer;
  }
  primes.push(n);
}
var pairs = [];
for (var a = 1; a <= 4; a++) {
  for (var b = a; b <= 4; b++) {
    if (a + b === 5) { pairs.push(a + "+" + b); break; }
    if (b > 3) continue;
  }
}
var total = 0, w = 0;
while (true) { w++; if (w % 2) continue; total += w; if (w >= 10) break; }
return [primes.join(","), pairs.join(" "), total];
