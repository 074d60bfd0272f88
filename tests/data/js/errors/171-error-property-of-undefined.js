var user = {name: "Ann"};
botContext.printDebugMessage("before");
var city = user.address.city;
botContext.printDebugMessage("never reached " + city);
