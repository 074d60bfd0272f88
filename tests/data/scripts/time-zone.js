var d = new Date(Date.UTC(2024, 2, 7, 23, 30, 0));
var l = new Date(2024, 0, 31, 10, 0, 0);
l.setDate(l.getDate() + 1);
return [d.getHours(), d.getDate(), d.getDay(), d.getTimezoneOffset(), d.getUTCHours(), String(d), d.toISOString(), l.toISOString(), new Date("2024-03-07T10:00:00").getTime(), Date.parse("March 7, 2024")];
