var log = [];
try { log.push("try"); } finally { log.push("finally1"); }
try {
  try { log.push("inner"); throw new Error("boom"); }
  finally { log.push("finally2"); }
} catch (e) { log.push("caught " + e.message); }
return log;
