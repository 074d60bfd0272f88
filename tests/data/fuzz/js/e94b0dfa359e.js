let v2 = [[1], [2, 3]];
if (('[1,2'.slice(-1, 1) === '1')) {
}
let v8 = '0x1F'.substring('é'.indexOf('NaN'), [[1], [2, 3]].length);
for (var i11 = 0; i11 < 4; i11++) {
  for (var i12 = 0; i12 < 6; i12++) {
    v8 = (v8 + JSON.stringify(i12)).slice(0, 200);
  }
}
v2.splice(1, 0, isFinite(v8));
v8 = (v8 + String((true ? v2 : ''))).slice(0, 200);
switch (-0) {
  default:
  botContext.setBotVariable('count', {b: {x1: null, a: v8, name: []}, 1: null}, true, false);
}
