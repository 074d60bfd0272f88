function eqi(a, b) { return a.toLowerCase() === b.toLowerCase(); }
var r = [];
r.push(eqi("YES", "yes"), eqi("Yes ", "yes"), eqi("", ""), eqi("ÉTÉ", "été"));
var answers = ["Yes", "yES", "no", "Y", "yes!"];
var yeses = [];
for (var i = 0; i < answers.length; i++) {
  if (answers[i].toLowerCase() === "yes") yeses.push(i);
}
r.push(yeses);
r.push("Zebra" < "apple", "Zebra".toLowerCase() < "apple".toLowerCase());
return r;
