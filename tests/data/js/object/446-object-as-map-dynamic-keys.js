var sessions = {};
var events = [["u1", "login"], ["u2", "login"], ["u1", "buy"], ["u3", "login"], ["u1", "logout"], ["u2", "buy"]];
events.forEach(function (e) {
  var user = e[0];
  if (!sessions.hasOwnProperty(user)) sessions[user] = [];
  sessions[user].push(e[1]);
});
var summary = Object.keys(sessions).map(function (u) { return u + ":" + sessions[u].join(">"); });
var key = "u" + (1 + 1);
var r = [summary, sessions[key].length, sessions["u" + 9] === undefined];
var weird = {};
weird[""] = "empty";
weird[" "] = "space";
weird["a.b"] = "dot";
weird[undefined] = "undef";
r.push(weird, weird.undefined);
return r;
