//! differs: Math.pow is correctly rounded in cbot (Rust's powf); V8's pow is not, so a power that is not an exact double can differ in its last bit (123^10 here)
var exact = [Math.pow(2, 10), Math.pow(-3, 3), Math.pow(7, 10), Math.pow(10, 15)];
botContext.sendMessage(exact.join(' '));
return Math.pow(123, 10);
