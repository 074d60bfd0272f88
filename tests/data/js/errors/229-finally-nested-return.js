var log = [];
function f() {
  try {
    try { return 1; }
    finally { log.push("inner"); }
  } finally { log.push("outer"); }
}
function g() {
  for (var i = 0; i < 3; i++) {
    try { if (i == 1) return i; } finally { log.push("g" + i); }
  }
}
return [f(), g(), log];
