var s = "Az09 ~";
var r = [];
for (var i = 0; i < s.length; i++) {
  r.push(s.charCodeAt(i));
}
r.push(String(s.charCodeAt(-1)), String(s.charCodeAt(6)), String(s.charCodeAt(NaN)));
r.push(s.charCodeAt("1"), s.charCodeAt(), s.charCodeAt(1.7), String("".charCodeAt(0)));
botContext.printDebugMessage(r.join(","));
return r;
