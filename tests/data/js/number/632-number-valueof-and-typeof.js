var r = [];
r.push(typeof Number("5"), typeof Number);
r.push(Number("12") === 12, Number("1.50") === 1.5, Number(" 0x10 ") === 16);
r.push(Number(undefined) !== Number(undefined));
r.push(+"3" + +"4", "3" * "4", "12" / "4", "5" - 2, "5" + 2);
botContext.printDebugMessage(r.join(" "));
return r;
