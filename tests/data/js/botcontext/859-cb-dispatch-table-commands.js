//! user-message: /balance savings
var accounts = { checking: 1520.5, savings: 10250 };
var commands = {
  help: function () { return "Commands: " + Object.keys(commands).map(function (c) { return "/" + c; }).join(" "); },
  balance: function (args) {
    var acct = args[0] || "checking";
    return accounts.hasOwnProperty(acct) ? acct + ": $" + accounts[acct].toFixed(2) : "No account " + acct;
  },
  agent: function () { botContext.setTriggerNextMessage("agent"); return "Transferring..."; }
};
function run(line) {
  if (line.charAt(0) !== "/") return null;
  var parts = line.substring(1).split(" ");
  var cmd = parts.shift();
  return commands[cmd] ? commands[cmd](parts) : "Unknown command /" + cmd;
}
var reply = run(botContext.getCurrentUserMessage());
botContext.sendMessage(reply);
return [reply, run("/help"), run("/balance"), run("/balance gold"), run("/nope"), run("hi")];
