var a = new Date(2024, 2, 7);
var b = new Date(2024, 2, 8);
var a2 = new Date(2024, 2, 7);
var out = [a < b, a > b, a <= a2, a >= a2, a == a2, a === a2, a.getTime() === a2.getTime(), +a === +a2];
out.push(a != a2, a < 1709769600001, a > "1709769599999", a == 1709769600000);
var bad = new Date("nope");
out.push(bad < a, bad > a, bad == bad);
botContext.printDebugMessage(out.join(","));
return out;
