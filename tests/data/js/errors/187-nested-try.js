var trail = "";
try {
  trail += "a";
  try {
    trail += "b";
    throw new Error("inner");
  } catch (inner) {
    trail += "c:" + inner.message;
    throw new Error("outer");
  }
} catch (outer) {
  trail += "|d:" + outer.message;
}
botContext.printDebugMessage(trail);
return trail;
