var seen = [];
try {
  [1, 2, 3].forEach(function (x) {
    seen.push(x);
    if (x === 2) throw new Error("stop at " + x);
  });
} catch (e) {
  seen.push(e.message);
}
return seen;
