var emailRe = /^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$/;
var strict = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
var emails = ["john.doe@example.com", "a+b@sub.domain.org", "bad@", "@bad.com", "no at.com", "x@y.c", "first.last@[10.0.0.1]", "dots..x@a.com", "UPPER@CASE.IO"];
var out = [];
for (var i = 0; i < emails.length; i++) {
  out.push(emails[i] + ":" + emailRe.test(emails[i]) + "/" + strict.test(emails[i]));
}
var user = " Someone@Mail.com ";
var normalized = user.trim().toLowerCase();
out.push(normalized + ":" + emailRe.test(normalized));
botContext.printDebugMessage(out.join("\n"));
return out;
