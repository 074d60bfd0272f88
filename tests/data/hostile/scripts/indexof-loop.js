// Each call scans 8 MB in the host: the scans are paid in fuel.
var s = 'ab'.repeat(4e6);
while (true) {
  s.indexOf('c');
}
