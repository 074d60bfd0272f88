// Chains of `+` that an exception leaves unfinished, over and over, each
// holding a megabyte: the heap quota stops it, not the host's memory.
var mb = "x";
while (mb.length < 1048576) mb = mb + mb;
for (;;) {
  try { var s = mb + "-" + mb + (function () { throw 1; })() + "!"; } catch (e) {}
}
