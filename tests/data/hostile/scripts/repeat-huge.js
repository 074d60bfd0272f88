// String.prototype.repeat with a huge count is refused before allocating.
botContext.sendMessage('x'.repeat(1e8).length);
