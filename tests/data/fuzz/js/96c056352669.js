var v2 = (('a' in {'2': 'x', '1': 'y', z: null}) + '' + [-4, 7, 5, -2, -4].sort(function (a, b) { return b - a; }));
var k4 = 0;
while (true) {
  if (k4++ >= 3) break;
  for (var i5 = 0; i5 < 6; i5++) {
    v2 = new Date(0.1).toISOString().slice(0, 10) + v2.concat(v2);
  }
}
switch (Math.floor(1e-7)) {
  case 100:
  try {
  } catch (e21) {
  }
}
