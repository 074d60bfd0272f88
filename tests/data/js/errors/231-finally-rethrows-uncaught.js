var log = [];
try {
  log.push("a");
  nope();
} finally {
  botContext.printDebugMessage("finally ran");
}
return log;
