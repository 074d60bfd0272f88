function money(amount) {
  return "$" + Number(amount).toFixed(2);
}
var subtotal = 19.99 * 3;
var tax = subtotal * 0.0825;
botContext.printDebugMessage("Subtotal: " + money(subtotal));
botContext.printDebugMessage("Tax: " + money(tax));
botContext.printDebugMessage("Total: " + money(subtotal + tax));
botContext.printDebugMessage("Free: " + money("0"));
return money("12.345");
