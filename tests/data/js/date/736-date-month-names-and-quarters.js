var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var out = [];
for (var m = 0; m < 12; m += 2) {
  var d = new Date(2024, m, 15);
  var q = Math.floor(d.getMonth() / 3) + 1;
  out.push(months[d.getMonth()].substring(0, 3) + " Q" + q);
}
var d2 = new Date(1709807415123);
var long = months[d2.getMonth()] + " " + d2.getDate() + ", " + d2.getFullYear();
out.push(long);
botContext.printDebugMessage(long);
return out;
