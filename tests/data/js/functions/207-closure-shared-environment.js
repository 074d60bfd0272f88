function pair() {
  var value = 1;
  return {
    get: function () { return value; },
    set: function (v) { value = v; }
  };
}
var p = pair();
var before = p.get();
p.set(42);
return [before, p.get()];
