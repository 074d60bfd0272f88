function fail(code) { throw code; }
botContext.sendMessage("working");
fail(404);
