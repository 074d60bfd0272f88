var r = (function (a, b) {
  return arguments.length + ":" + a + b;
}(1, 2, 3));
var s = (function () { return typeof arguments[5]; })();
return [r, s];
