var offsets = [];
var s = "cat hat bat";
var res = s.replace(/([chb])at/g, function (m, first, off) {
  offsets.push(off);
  return first.toUpperCase() + "AT";
});
botContext.printDebugMessage(res + " " + offsets.join(","));
var n = 0;
var numbered = "x x x".replace(/x/g, function () { return ++n; });
var doubled = "1,20,300".replace(/\d+/g, function (d) { return String(d * 2); });
var dollar = "a".replace(/a/g, function () { return "$&$1"; });
return [res, numbered, doubled, dollar, n];
