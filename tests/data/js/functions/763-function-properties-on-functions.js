function track(msg) {
  track.calls = (track.calls || 0) + 1;
  track.last = msg;
  return track.calls;
}
track("a"); track("b");
var f = function () { return f.secret; };
f.secret = 42;
var registry = function (name) { return registry.items[name]; };
registry.items = { x: 1 };
registry.add = function (k, v) { registry.items[k] = v; };
registry.add("y", 2);
return [track.calls, track.last, f(), registry("y"), typeof registry.add, Object.keys(registry.items).join()];
