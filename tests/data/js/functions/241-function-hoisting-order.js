var r1 = typeof early;
function early() { return "early"; }
function shadow(a) {
  var before = typeof a;
  function a() {}
  return before;
}
function param(x) { var x; return x; }
return [r1, early(), shadow(5), param(7)];
