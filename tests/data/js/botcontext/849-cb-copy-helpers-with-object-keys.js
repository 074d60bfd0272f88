var helpers = {
  greet: function (n) { return this.hello + ", " + n + "!"; },
  bye: function (n) { return this.goodbye + ", " + n + "."; },
  send: function (text) { botContext.sendMessage(text); return text.length; }
};
function makeBot(lang) {
  var bot = lang === "fr" ? { hello: "Bonjour", goodbye: "Au revoir" } : { hello: "Hello", goodbye: "Goodbye" };
  var names = Object.keys(helpers);
  for (var i = 0; i < names.length; i++) bot[names[i]] = helpers[names[i]];
  return bot;
}
var en = makeBot("en"), fr = makeBot("fr");
var sent = [en.send(en.greet("Ann")), fr.send(fr.bye("Bo"))];
return [sent, Object.keys(fr).join(","), en.greet === fr.greet];
