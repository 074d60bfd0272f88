function greet(greeting, punct) { return greeting + ", " + this.name + punct; }
var ann = { name: "Ann" };
var hi = greet.bind(ann, "Hi");
var plain = greet.bind({ name: "Bob" });
var counter = { n: 0, inc: function () { this.n++; return this.n; } };
var inc = counter.inc.bind(counter);
[1, 2, 3].forEach(inc);
return [hi("!"), plain("Hello", "?"), counter.n, typeof hi, hi.call({ name: "Cy" }, "?"), [1, 2].map(greet.bind({ name: "Di" }, "Yo"))];
