// A million keys in one object: each new key searches the ones before.
var o = {};
for (var i = 0; i < 1e6; i++) {
  o['key' + i] = i;
}
