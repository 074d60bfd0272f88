function Ticket(id) { this.id = id; }
Ticket.prototype.toString = function () { return "Ticket #" + this.id; };
var t = new Ticket(42);
var plain = { toString: function () { return "plain"; } };
var out = [String(t), "Your " + t, `${t} is open`, [t, plain].join(" & "), String(plain), plain + ""];
botContext.sendMessage("Created " + t);
return out;
