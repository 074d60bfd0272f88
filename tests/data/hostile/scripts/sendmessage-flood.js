// 10^6 messages: the botContext call quota stops it at 10,000.
for (var i = 0; i < 1e6; i++) {
  botContext.sendMessage('message ' + i);
}
