// Backreferences need the backtracking engine, and this one would take
// 2000^4 steps: refused up front at the CPU budget.
botContext.sendMessage('' + /^(.*)(.*)(.*)(.*)\4\3x$/.test(new Array(2001).join('a')));
