function outer() {
  var f = () => arguments[0] + arguments.length;
  return f(100);
}
return outer(5, 6);
