//! user-message: Jane.Doe@Example.COM
function looksLikeEmail(s) {
  var at = s.indexOf("@");
  var dot = s.lastIndexOf(".");
  return at > 0 && dot > at + 1 && dot < s.length - 1 && s.indexOf(" ") == -1;
}
var email = botContext.getCurrentUserMessage().trim().toLowerCase();
if (looksLikeEmail(email)) {
  botContext.setBotVariable('email', email, true, false);
  botContext.sendMessage(`Thanks, we'll write to ${email}`);
} else {
  botContext.sendMessage("That doesn't look like an email address");
}
return email;
