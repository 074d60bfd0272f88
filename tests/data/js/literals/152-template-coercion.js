var u;
var n = null;
var arr = [1, 2];
var obj = {k: 1};
botContext.printDebugMessage(`u=${u} n=${n}`);
botContext.printDebugMessage(`arr=${arr} obj=${obj}`);
botContext.printDebugMessage(`bool=${true} nan=${NaN} negzero=${-0}`);
botContext.printDebugMessage(`big=${1e21} small=${1e-7}`);
return `${[]}|${""}|${0}`;
