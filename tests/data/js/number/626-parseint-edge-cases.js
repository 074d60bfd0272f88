var cases = [["0x1A"], ["0x1A", 16], ["0x1A", 10], ["1e3"], ["  +12abc"], ["-0"], [""], ["-"], ["12", 1], ["12", 37], ["z", 36], ["Z", 36], ["101", 2], ["102", 2], ["9", 8], ["1.9"], ["-1.9"], ["0.0000005"], [0.0000005], [1e21], ["123", 0], ["11", "2"], ["\u00a0 7"], ["Infinity"]];
var out = [];
for (var i = 0; i < cases.length; i++) {
  var c = cases[i];
  var v = c.length > 1 ? parseInt(c[0], c[1]) : parseInt(c[0]);
  out.push(JSON.stringify(c) + "=" + String(v) + (v === 0 && 1 / v < 0 ? "(-0)" : ""));
}
botContext.printDebugMessage(out.join(" "));
return out;
