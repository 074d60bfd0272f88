//! user-message: 42
var input = botContext.getCurrentUserMessage();
var result;
if (input > 100) {
  result = "big";
} else if (input >= "5") {
  result = "string-bigger";
} else if (input > 9) {
  result = "medium";
} else {
  result = "small";
}
botContext.setBotVariable('size', result, true, false);
return result;
