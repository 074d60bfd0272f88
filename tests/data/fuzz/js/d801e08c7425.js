let v2 = {text: (null + '' + 0), n: (null + '' + 0).length};
var k4 = 0;
while (true) {
  if (k4++ >= 5) break;
  for (var i5 = 0; i5 < 5; i5++) {
    v2 = {'0': v2, x1: [[1], [2, 3]], 1: v2};
  }
}
return v2;
