//! user-message: 2024-02-31
function isValidIsoDate(s) {
  var p = s.split("-");
  if (p.length !== 3) return false;
  var y = parseInt(p[0], 10), m = parseInt(p[1], 10), day = parseInt(p[2], 10);
  var d = new Date(y, m - 1, day);
  return d.getFullYear() === y && d.getMonth() === m - 1 && d.getDate() === day;
}
var input = botContext.getCurrentUserMessage();
var results = [input, "2024-02-29", "2023-02-29", "2024-12-31", "2024-13-01", "2024-00-10", "abc"].map(function (s) {
  return s + ":" + isValidIsoDate(s);
});
if (!isValidIsoDate(input)) botContext.sendMessage("That date does not exist, try again.");
return results;
