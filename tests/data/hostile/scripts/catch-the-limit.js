// Tries to catch the limit and go on: a limit is not an exception, so
// neither the catch nor the finally runs and no message goes out.
var caught = 0;
while (true) {
  try {
    while (true) {}
  } catch (e) {
    caught++;
    botContext.sendMessage('caught ' + e);
  } finally {
    botContext.sendMessage('finally ran');
  }
}
