function price(n) {
  botContext.printDebugMessage("formatting " + n);
  return n.toFixed(200);
}
botContext.sendMessage("before");
price(9.5);
botContext.sendMessage("never sent");
