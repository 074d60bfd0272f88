function outer(a) {
  var x = a * 2;
  function middle(b) {
    var y = b + 1;
    return function inner(c) {
      x = x + 1;
      return [a, x, y, c];
    };
  }
  return middle(10);
}
var f = outer(3);
f(0);
return f(7);
