var tags = ["vip", "new", "vip", "churn-risk", "new", "vip"];
var unique = [];
for (var i = 0; i < tags.length; i++) if (unique.indexOf(tags[i]) === -1) unique.push(tags[i]);
var counts = unique.map(function (t) {
  return t + ":" + tags.filter(function (x) { return x === t; }).length;
});
var sortedUnique = unique.slice().sort();
return [unique, counts, sortedUnique, unique.length];
