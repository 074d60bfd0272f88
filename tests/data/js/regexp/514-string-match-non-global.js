var msg = "Order #A-1234 shipped on 2023-11-02";
var m = msg.match(/#([A-Z])-(\d+)/);
botContext.printDebugMessage(JSON.stringify(m));
var info = [m.index, m.input === msg, m[1], m[2], m.length];
var none = msg.match(/refund/);
var first = "aaa".match(/a/);
var emptyM = "abc".match(/x?/);
return { info: info, none: none, first: [first[0], first.index], empty: [emptyM[0], emptyM.index], noArg: "abc".match()[0] };
