var base = {
  greet: function () { return "Hello " + this.name; },
  rename: function (n) { this.name = n; return this; }
};
var a = Object.create(base);
a.name = "Ann";
var b = Object.create(a);
var out = [a.greet(), b.greet(), b.hasOwnProperty("name")];
b.rename("Bo");
out.push(b.greet(), a.greet(), b.hasOwnProperty("name"), Object.keys(b).join(), "greet" in b);
var keys = [];
for (var k in b) keys.push(k);
out.push(keys.join(","));
base.bye = function () { return "Bye " + this.name; };
out.push(b.bye());
return out;
