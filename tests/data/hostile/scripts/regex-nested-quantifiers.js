// Exponential for a backtracking engine; runs on the linear engine.
botContext.sendMessage('' + /(a+)+$/.test(new Array(30001).join('a') + '!'));
