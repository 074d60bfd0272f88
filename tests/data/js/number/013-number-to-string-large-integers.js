botContext.printDebugMessage(String(9007199254740991));
botContext.printDebugMessage(String(9007199254740993));
botContext.printDebugMessage(String(9007199254740991 + 2));
botContext.printDebugMessage(String(123456789012345678901));
botContext.printDebugMessage(String(2147483647 + 1));
botContext.printDebugMessage(String(4294967296 * 4294967296));
botContext.printDebugMessage(String(999999999999999999999));
return 1234567890123;
