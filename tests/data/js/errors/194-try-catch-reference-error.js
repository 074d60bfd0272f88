var result = "start";
try {
  result = result + undeclaredName;
} catch (e) {
  result = result + " caught " + e.name;
}
botContext.printDebugMessage(result);
return result;
