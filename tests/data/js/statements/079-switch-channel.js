//! channel: sms
var ch = botContext.getChannel();
var limit;
switch (ch) {
  case "web":
    limit = 1000;
    break;
  case "sms":
    limit = 160;
    break;
  default:
    limit = 500;
}
botContext.setBotVariable('limit', limit, true, false);
return limit;
