var menu = {drinks: {tea: 2, coffee: 3}, food: {cake: 4}};
var lines = [];
for (var section in menu) {
  var items = menu[section];
  for (var item in items) {
    lines.push(section + "/" + item + "=" + items[item]);
  }
}
botContext.sendMessage(lines.join("\n"));
return lines.length;
