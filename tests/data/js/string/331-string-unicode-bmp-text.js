var s = "Grüße aus Köln – café №5";
var r = [];
r.push(s.length, s.indexOf("Köln"), s.charAt(2), s.charCodeAt(2));
r.push(s.toUpperCase(), s.slice(-6), s.split(" ").length);
r.push("日本語テキスト".length, "日本語テキスト".substring(3), "日本語".charCodeAt(1));
r.push("€100".slice(1), "€".charCodeAt(0));
botContext.printDebugMessage(s);
return r;
