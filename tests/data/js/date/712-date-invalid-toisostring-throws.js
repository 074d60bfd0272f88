var d = new Date("garbage");
var caught = null;
try {
  d.toISOString();
} catch (e) {
  caught = [e.name, e instanceof RangeError, e instanceof Error];
}
botContext.printDebugMessage(JSON.stringify(caught));
botContext.printDebugMessage(String(d.toJSON()));
return d.toISOString();
