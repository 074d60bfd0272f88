// Catastrophic on short inputs too, without nested unbounded quantifiers:
// the worst case is bounded before the backtracking engine may run.
var text = new Array(2001).join('a') + '!';
var csv = '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25';
botContext.sendMessage([
  /a*a*a*a*a*a*a*a*b/.test(text),
  /^((a|a){16}){16}b/.test(text.slice(0, 300)),
  /^(.*?,){11}P/.test(csv),
].join(','));
