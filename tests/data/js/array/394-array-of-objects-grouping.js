var orders = [
  {id: "A1", status: "shipped", total: 20},
  {id: "B2", status: "pending", total: 35.5},
  {id: "C3", status: "shipped", total: 12.25},
  {id: "D4", status: "cancelled", total: 9},
  {id: "E5", status: "pending", total: 4.5}
];
var groups = {};
orders.forEach(function (o) {
  if (!groups[o.status]) groups[o.status] = {count: 0, total: 0, ids: []};
  groups[o.status].count++;
  groups[o.status].total += o.total;
  groups[o.status].ids.push(o.id);
});
botContext.setBotVariable("orderSummary", groups, true, false);
return groups;
