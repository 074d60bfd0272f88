var data = {
  user: {id: 7, tags: ["vip", "beta"], prefs: {lang: "en", sms: false}},
  history: [[1, 2], [], [{x: null}]],
  note: ""
};
var s = JSON.stringify(data);
botContext.printDebugMessage(s);
botContext.setBotVariable('data', s, true, false);
return s.length;
