function Base() { this.own = 1; }
Base.prototype.shared = 2;
var o = new Base();
var keys = [];
for (var k in o) keys.push(k + (o.hasOwnProperty(k) ? "(own)" : "(inherited)"));
return [keys, "shared" in o, o.hasOwnProperty("shared")];
