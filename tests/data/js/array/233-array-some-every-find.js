var xs = [5, 12, 8, 130, 44];
return [
  xs.some(function (x) { return x > 100; }),
  xs.every(function (x) { return x > 4; }),
  xs.every(function (x) { return x > 5; }),
  xs.find(function (x) { return x > 10; }),
  xs.findIndex(function (x) { return x > 10; }),
  xs.findIndex(function (x) { return x > 1000; }),
  [].some(function () { return true; }),
  [].every(function () { return false; })
];
