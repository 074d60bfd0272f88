function distanceKm(lat1, lon1, lat2, lon2) {
  var dLat = (lat2 - lat1) * 111.32;
  var dLon = (lon2 - lon1) * 111.32 * 0.7;
  return Math.round(Math.sqrt(dLat * dLat + dLon * dLon) * 10) / 10;
}
function compound(principal, rate, years) {
  return Math.round(principal * Math.pow(1 + rate / 100, years) * 100) / 100;
}
var r = [];
r.push(distanceKm(45.46, 9.19, 41.9, 12.5), distanceKm(0, 0, 0, 0), distanceKm(1, 1, 2, 2));
r.push(compound(1000, 5, 10), compound(250.5, 3.25, 1), compound(100, 0, 30), compound(100, -10, 2));
r.push(Math.pow(Math.sqrt(2), 2), Math.sqrt(Math.pow(-3, 2)), Math.abs(Math.floor(-2.5)), Math.ceil(Math.abs(-2.5)));
botContext.printDebugMessage(r.join(" "));
return r;
