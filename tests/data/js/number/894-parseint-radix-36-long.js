//! differs: parseInt with a radix other than 2, 4, 8, 10, 16 or 32 may approximate a long number (ES2015 §18.2.5); cbot rounds it correctly, V8 accumulates rounding errors digit by digit
var exact = parseInt('zz', 36) + ' ' + parseInt('cbot', 36);
botContext.sendMessage(exact);
return parseInt('1000110011100101010000101110101001000010000000000', 36);
