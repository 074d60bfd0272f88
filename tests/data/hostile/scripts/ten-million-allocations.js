// 10^7 objects: stopped by the heap quota long before.
var all = [];
for (var i = 0; i < 1e7; i++) {
  all.push({ i: i, name: 'item ' + i });
}
