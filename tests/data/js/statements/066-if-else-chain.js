//! user-message: yes please
var msg = botContext.getCurrentUserMessage().toLowerCase();
var answer;
if (msg == "yes") {
  answer = "exact yes";
} else if (msg.indexOf("yes") == 0) {
  answer = "starts with yes";
} else if (msg.indexOf("no") != -1) {
  answer = "contains no";
} else {
  answer = "unknown";
}
botContext.sendMessage(answer);
return answer;
