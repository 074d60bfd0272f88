var s = "Crème Brûlée";
var r = [s.toLocaleUpperCase(), s.toLocaleLowerCase(), "ABC".toLocaleLowerCase() === "abc"];
r.push("straße".toLocaleUpperCase(), "".toLocaleUpperCase() + "|", "123-Ab".toLocaleLowerCase());
r.push(s.toLocaleUpperCase() === s.toUpperCase(), s.toLocaleLowerCase() === s.toLowerCase());
botContext.printDebugMessage(r.join(" / "));
return r;
