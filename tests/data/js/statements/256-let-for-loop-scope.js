var total = 0;
for (let i = 0; i < 4; i++) {
  total += i;
}
var i = "function-level i";
for (let k in { a: 1, b: 2 }) {
  total += k.length;
}
return [total, i, typeof k];
