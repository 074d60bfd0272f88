var people = [
  { name: "Cy", age: 30 }, { name: "Ann", age: 25 }, { name: "Bob", age: 30 }, { name: "Di", age: 22 }
];
people.sort(function (a, b) { return a.age - b.age; });
var names = people.map(function (p) { return p.name; });
var nums = [10, 9, 1, 100, 25];
nums.sort(function (a, b) { return b - a; });
return [names, nums];
