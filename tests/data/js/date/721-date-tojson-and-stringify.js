var d = new Date(1709807415123);
var order = { id: 7, placed: d, items: [{ at: new Date(0) }], bad: new Date("x") };
var json = JSON.stringify(order);
botContext.printDebugMessage(json);
botContext.printDebugMessage(d.toJSON());
var back = JSON.parse(json);
var again = new Date(back.placed);
return [typeof back.placed, back.bad, again.getTime() === d.getTime(), JSON.stringify([d]), JSON.stringify(d)];
