//! user-message: more
var items = [];
for (var i = 1; i <= 11; i++) items.push("Article " + i);
botContext.setBotVariable("page", 1, true, false);
var page = Number(botContext.getBotVariable("page"));
var text = botContext.getCurrentUserMessage().toLowerCase();
if (text === "more") page++;
else if (text === "back" && page > 0) page--;
var size = 4;
var pages = Math.ceil(items.length / size);
if (page >= pages) page = pages - 1;
var shown = items.slice(page * size, page * size + size);
botContext.setBotVariable("page", page, true, false);
botContext.sendMessage(shown.join("\n") + "\n(page " + (page + 1) + "/" + pages + ")" + (page < pages - 1 ? " Type 'more'." : ""));
return { page: page, shown: shown };
