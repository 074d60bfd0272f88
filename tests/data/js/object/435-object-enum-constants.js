var Status = {PENDING: "pending", ACTIVE: "active", CLOSED: "closed"};
var Priority = {LOW: 1, MEDIUM: 2, HIGH: 3};
function isStatus(v) {
  for (var k in Status) if (Status[k] === v) return true;
  return false;
}
function priorityName(n) {
  var names = Object.keys(Priority);
  for (var i = 0; i < names.length; i++) if (Priority[names[i]] === n) return names[i];
  return "UNKNOWN";
}
var ticket = {status: Status.ACTIVE, priority: Priority.HIGH};
return [isStatus("active"), isStatus("ACTIVE"), priorityName(2), priorityName(9), ticket, Object.keys(Status).length];
