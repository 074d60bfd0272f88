var r = [];
r.push("Hello World".toUpperCase(), "Hello World".toLowerCase());
r.push("ÀÉÎÕÜ".toLowerCase(), "àéîõü".toUpperCase());
r.push("ΑΒΓ".toLowerCase(), "привет".toUpperCase());
r.push("123 !?".toUpperCase(), "".toLowerCase() + "|");
r.push("MiXeD cAsE".toLowerCase() === "mixed case");
r.push("ß".toUpperCase(), "ß".toUpperCase().length);
botContext.printDebugMessage(r.join(" "));
return r;
