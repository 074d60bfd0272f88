function Message() { this.parts = []; this.quick = []; }
Message.prototype.text = function (t) { this.parts.push(t); return this; };
Message.prototype.line = function () { this.parts.push("\n"); return this; };
Message.prototype.reply = function (title, payload) { this.quick.push({ title: title, payload: payload || title.toLowerCase() }); return this; };
Message.prototype.build = function () { return { text: this.parts.join(""), quickReplies: this.quick }; };
var m = new Message().text("Hi!").line().text("Pick one:").reply("Billing").reply("Tech", "tech_support").build();
botContext.sendMessage(m.text);
var getters = { make: function () { return function (x) { return x * 2; }; }, pick: function (k) { return { a: Math.floor, b: function (n) { return -n; } }[k]; } };
return [m, getters.make()(21), getters.pick("b")(5)];
