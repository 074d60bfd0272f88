var out = [String(new Date(-62198755200000)), String(new Date(-62167219200001)), new Date(-62198755200000).getFullYear(), String(new Date(-8.64e15))];
botContext.printDebugMessage(out.join("\n"));
return out;
