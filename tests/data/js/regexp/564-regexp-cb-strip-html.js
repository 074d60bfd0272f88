var html = "<p>Hello <b>Ann</b>,<br/>your <a href=\"https://x.io/?a=1&amp;b=2\">link</a>.</p>";
var text = html.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "");
var decoded = text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
var links = [];
html.replace(/href="([^"]*)"/g, function (m, url) { links.push(url.replace(/&amp;/g, "&")); return m; });
botContext.sendMessage(text);
return { text: text, decoded: decoded, links: links, tags: html.match(/<\/?[a-z]+/gi).length };
