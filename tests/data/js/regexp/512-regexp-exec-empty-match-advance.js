var re = /a*/g;
var s = "baab";
var seen = [];
var m;
var guard = 0;
while ((m = re.exec(s)) !== null && guard++ < 10) {
  seen.push(JSON.stringify(m[0]) + "@" + m.index);
  if (m[0] === "") re.lastIndex++;
}
seen.push("li=" + re.lastIndex);
var e = /(?:)/g;
var count = 0;
while (e.exec("ab") && count < 10) { count++; e.lastIndex++; }
seen.push("empty=" + count);
botContext.printDebugMessage(seen.join(" "));
return seen;
