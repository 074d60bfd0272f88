function isLeap(y) { return new Date(y, 1, 29).getMonth() === 1; }
function isLeapRule(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
var years = [1900, 1996, 2000, 2023, 2024, 2100, 2400, 1600];
var out = years.map(function (y) { return y + ":" + isLeap(y) + ":" + (isLeap(y) === isLeapRule(y)); });
var feb29 = new Date(2023, 1, 29);
out.push(feb29.getMonth() + "/" + feb29.getDate());
return out;
