function describe(greeting, punct) { return greeting + ", " + this.name + punct; }
var ann = { name: "Ann" };
return [describe.call(ann, "Hi", "!"), describe.apply({ name: "Bob" }, ["Hello", "?"])];
