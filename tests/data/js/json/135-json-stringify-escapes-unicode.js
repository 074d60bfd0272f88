var s = 'He said "hi"\nand left\\';
botContext.printDebugMessage(JSON.stringify(s));
botContext.printDebugMessage(JSON.stringify("tab\there"));
botContext.printDebugMessage(JSON.stringify("caf\u00e9 \u2603"));
botContext.printDebugMessage(JSON.stringify("\u0001\u001f\u007f"));
botContext.printDebugMessage(JSON.stringify("</script>"));
botContext.printDebugMessage(JSON.stringify({"key \"q\"": "v"}));
botContext.printDebugMessage(JSON.stringify("\u2028\b\f\r"));
return JSON.stringify(s).length;
