var o = {a: 1, b: "two", 1: "one"};
return [Object.values(o), Object.entries(o)];
