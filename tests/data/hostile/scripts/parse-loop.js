// Parsing a long string (leading spaces and all) is host work as long as
// the string, each time: paid in fuel.
var s = ' '.repeat(2e6) + '2024-01-01';
while (true) {
  new Date(s);
  Date.parse(s);
  parseInt(s);
  parseFloat(s);
}
