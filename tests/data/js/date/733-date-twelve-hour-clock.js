function clock(d) {
  var h = d.getHours();
  var suffix = h < 12 ? "AM" : "PM";
  var h12 = h % 12 === 0 ? 12 : h % 12;
  var m = d.getMinutes();
  return h12 + ":" + (m < 10 ? "0" + m : m) + " " + suffix;
}
function greeting(d) {
  var h = d.getHours();
  return h < 12 ? "Good morning" : h < 18 ? "Good afternoon" : "Good evening";
}
var out = [];
[0, 1, 11, 12, 13, 17, 18, 23].forEach(function (h) {
  var d = new Date(2024, 2, 7, h, h * 7 % 60);
  out.push(clock(d) + " " + greeting(d));
});
botContext.sendMessage(out[5]);
return out;
