var values = { s: "text", n: 42.5, z: 0, t: true, f: false, arr: [1, "two"], obj: { a: { b: 1 } }, nul: null, empty: "" };
var names = Object.keys(values);
names.forEach(function (k) { botContext.setBotVariable("v_" + k, values[k], true, false); });
var back = {};
for (var i = 0; i < names.length; i++) {
  var v = botContext.getBotVariable("v_" + names[i]);
  back[names[i]] = v === null ? "null" : typeof v;
}
return back;
