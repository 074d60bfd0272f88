function Base(name) { this.name = name; }
Base.prototype.hello = function () { return "Hello from " + this.name; };
Base.prototype.type = "base";
function Derived(name, extra) { Base.call(this, name); this.extra = extra; }
Derived.prototype = Object.create(Base.prototype);
Derived.prototype.type = "derived";
Derived.prototype.both = function () { return this.hello() + " + " + this.extra; };
var d = new Derived("D", 7);
var b = new Base("B");
var r = [d.hello(), d.both(), d.type, b.type, d instanceof Derived, d instanceof Base, b instanceof Derived];
r.push(Object.keys(d), Object.getPrototypeOf(Object.getPrototypeOf(d)) === Base.prototype);
var ks = [];
for (var k in d) ks.push(k);
r.push(ks);
return r;
