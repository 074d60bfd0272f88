var a = [1, 2, 3];
var seen = [];
a.forEach(function (x, i, arr) {
  seen.push(x);
  if (i === 0) arr.push(99);
});
var b = [1, 2, 3, 4];
var seenB = [];
b.forEach(function (x, i, arr) {
  seenB.push(x);
  if (i === 1) arr.pop();
});
var c = [1, 2, 3, 4];
var seenC = [];
c.forEach(function (x, i, arr) {
  seenC.push(x);
  if (i === 0) arr.shift();
});
return [seen, a, seenB, b, seenC, c];
