function counter() { counter.calls++; return counter.calls; }
counter.calls = 0;
counter.label = "clicks";
counter();
counter();
var keys = Object.keys(counter);
var forin = [];
for (var k in counter) forin.push(k);
var registry = {};
function register(name, fn) { registry[name] = fn; fn.registeredAs = name; }
register("hello", function () { return "hi"; });
return [counter.calls, keys, forin, registry.hello(), registry.hello.registeredAs, typeof counter, "label" in counter];
