var u;
try { u.concat(botContext.getChannel()); } catch (e) { botContext.sendMessage(e.name); }
var k = 'x';
try { null[k](botContext.getChannel()); } catch (e) { botContext.sendMessage(e.name); }
try { u.a.b(botContext.getChannel()); } catch (e) { botContext.sendMessage(e.name); }
return [1, 2].concat([3]).join('-') + 'ab'.toUpperCase() + ({f: function (x) { return x * 2; }}).f(4);
