var r = [];
r.push("100px 200em 300px".match(/\d+(?=px)/g));
r.push("100px 200em 300px".match(/\d+(?!px|\d)/g));
function strong(p) {
  return /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{8,}$/.test(p);
}
r.push([strong("Passw0rd!"), strong("password"), strong("Sh0rt!"), strong("NoDigits!!")]);
r.push("abc".match(/a(?=b)/)[0].length);
r.push(JSON.stringify("abc".match(/(?=(b))/)));
r.push("windows2000 windows98".replace(/windows(?=2000)/, "W"));
r.push("1234567".replace(/\B(?=(\d{3})+(?!\d))/g, ","));
botContext.printDebugMessage(JSON.stringify(r));
return r;
