var out = [typeof Math.max, typeof JSON.parse, typeof "".trim, typeof [].push, typeof Object.keys, typeof Array.isArray, typeof botContext.sendMessage];
if (typeof botContext.setTriggerNextMessage === "function") {
  botContext.printDebugMessage("can trigger");
}
return out;
