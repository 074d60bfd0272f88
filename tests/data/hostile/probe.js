// What a run sees of the built-ins and of earlier runs. The hostile suite
// runs it on a bot that has run every hostile script and on a fresh bot,
// and the two must agree: nothing a script did to the built-ins, the
// globals or request-scoped variables outlives its run.
var a = [];
var pushed = a.push(1);
var parts = [
  pushed,
  a.length,
  typeof {}.polluted,
  'abc'.toString(),
  JSON.stringify(JSON.parse('{"k":[1,2]}')),
  Math.max(1, 2),
  String(['x', ['y']]),
  /a+b/.test('xaab'),
  'é'.charCodeAt(0),
  'abc'.indexOf('c'),
  typeof hostileLeak,
  typeof botContext.getBotVariable('flood1'),
];
botContext.setBotVariable('probe', parts.join('|'), false, false);
