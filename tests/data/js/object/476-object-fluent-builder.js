function Reply() { this.parts = []; this.buttons = []; }
Reply.prototype.text = function (t) { this.parts.push(t); return this; };
Reply.prototype.button = function (label, value) { this.buttons.push({label: label, value: value || label.toLowerCase()}); return this; };
Reply.prototype.build = function () {
  return {message: this.parts.join(" "), options: this.buttons.slice()};
};
var r = new Reply().text("How can I help?").text("Pick one:").button("Billing").button("Tech", "tech-support").build();
var empty = new Reply().build();
botContext.sendMessage(JSON.stringify(r));
return [r, empty];
