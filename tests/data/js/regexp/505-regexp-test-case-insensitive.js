var words = ["Yes", "YES", "yes", "yEs", "yes please", "no", "Yesterday"];
var exact = /^yes$/i;
var loose = /\byes\b/i;
var rows = [];
for (var i = 0; i < words.length; i++) {
  rows.push(words[i] + ":" + exact.test(words[i]) + "/" + loose.test(words[i]));
}
rows.push(/[a-z]+/i.test("ÄBC"));
rows.push(/k/i.test("K"));
botContext.printDebugMessage(rows.join(" "));
return rows;
