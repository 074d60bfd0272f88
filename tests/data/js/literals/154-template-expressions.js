var user = {first: "Ana", visits: 4};
var items = ["tea", "cake"];
var msg = `${user.first} has ${user.visits > 3 ? "many" : "few"} visits and ${items.length} items: ${items.join(" & ")}`;
botContext.sendMessage(msg);
var nested = `outer ${`inner ${user.visits}`}`;
botContext.printDebugMessage(nested);
return `${user.missing}`;
