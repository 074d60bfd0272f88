//! user-message: ann@example.com
var fields = ["name", "email", "phone"];
botContext.setBotVariable("form", JSON.stringify({ name: "Ann", step: 1 }), true, false);
var form = JSON.parse(botContext.getBotVariable("form"));
var current = fields[form.step];
var value = botContext.getCurrentUserMessage().trim();
var validators = {
  email: function (v) { var at = v.indexOf("@"); return at > 0 && v.lastIndexOf(".") > at + 1; },
  phone: function (v) { return v.length >= 7; }
};
if (validators[current](value)) {
  form[current] = value;
  form.step++;
}
var next = fields[form.step];
botContext.setBotVariable("form", JSON.stringify(form), true, false);
botContext.sendMessage(next ? "Thanks! Now your " + next + "?" : "All done!");
return form;
