var bot = {
  name: "Helper",
  greet: function (user) { return "Hi " + user + ", I am " + this.name; },
  later: function () { var self = this; return ["x", "y"].map(function (v) { return self.name + v; }); },
  arrow: function () { return ["x"].map((v) => this.name + v); },
  nested: {name: "Inner", who: function () { return this.name; }}
};
var r = [bot.greet("Ann"), bot.later(), bot.arrow(), bot.nested.who(), bot["greet"]("Bo")];
var other = {name: "Other"};
r.push(bot.greet.call(other, "Cy"));
return r;
