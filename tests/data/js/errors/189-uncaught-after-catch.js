try { throw new Error("handled"); } catch (e) { botContext.printDebugMessage("handled: " + e.message); }
botContext.printDebugMessage("continuing");
throw new TypeError("not handled");
