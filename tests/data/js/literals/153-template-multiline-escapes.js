var who = "Sam";
var s = `Hi ${who},
line two\tTabbed
price: \$5 and \`tick\``;
botContext.sendMessage(s);
return s.split("\n").length;
