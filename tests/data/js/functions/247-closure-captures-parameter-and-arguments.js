function wrap(a) {
  var args = arguments;
  return function () { return [a, args.length, arguments.length]; };
}
return wrap(1, 2, 3)(9);
