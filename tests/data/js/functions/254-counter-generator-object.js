function makeIds(prefix) {
  var next = 0;
  return { next: function () { next += 1; return prefix + next; }, reset: function () { next = 0; } };
}
var ids = makeIds("id-");
var a = ids.next(), b = ids.next();
ids.reset();
return [a, b, ids.next()];
