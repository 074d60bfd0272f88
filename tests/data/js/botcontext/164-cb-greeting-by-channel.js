//! channel: messenger
botContext.setMessageDelay(1500);
botContext.setAllowMaxTextResponse(true);
var ch = botContext.getChannel();
var greeting;
switch (ch) {
  case "web": greeting = "Welcome to our website"; break;
  case "sms": greeting = "Hi! Reply STOP to opt out"; break;
  default: greeting = "Hello from " + ch;
}
botContext.sendMessage(greeting);
return greeting;
