// 10^6 variables: the call quota.
for (var i = 0; i < 1e6; i++) {
  botContext.setBotVariable('flood' + i, i, false, false);
}
