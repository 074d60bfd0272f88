var user = { name: "Ann", items: ["tea", "cake"] };
var n = user.items.length;
var msg = `Hi ${user.name}, you have ${n} item${n === 1 ? "" : "s"}: ${user.items.map((it, i) => `${i + 1}. ${it}`).join(", ")}`;
var price = 4.5;
var lines = `Total: $${(price * 2).toFixed(2)}
Paid: ${false}
Null: ${null} Undef: ${undefined} Arr: ${[1, [2, 3]]} Obj: ${{}}`;
var esc = `back\`tick \${not} \u0041`;
botContext.sendMessage(msg);
return [msg, lines, esc, `${1}${2}` + 3, ``.length];
