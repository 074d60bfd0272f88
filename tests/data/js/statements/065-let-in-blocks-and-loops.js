let total = 0;
for (let i = 1; i <= 4; i++) {
  let sq = i * i;
  total += sq;
}
if (total > 10) {
  const msg = "total is " + total;
  botContext.sendMessage(msg);
}
let k = 0;
while (k < 3) {
  k++;
}
return [total, k];
