function getCity(o) {
  return o.address.city;
}
botContext.printDebugMessage(getCity({address: {city: "Rome"}}));
botContext.printDebugMessage("next");
return getCity({});
