var r = [];
r.push("a\nb".length, "tab\there".indexOf("\t"), "q\"uote".charAt(1), 'it\'s'.length);
r.push("back\\slash".split("\\"), "\x41\u0042".length, "\x41\u0042", "\u00e9" === "é");
r.push("line1\r\nline2".split("\r\n"), "nul\0char".length);
botContext.printDebugMessage("say \"hi\"\n\tok");
return r;
