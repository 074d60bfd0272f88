botContext.sendMessage("hello");
var total = 1 + undeclaredThing;
return total;
