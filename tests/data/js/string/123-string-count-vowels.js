function countVowels(s) {
  var n = 0;
  var lower = s.toLowerCase();
  for (var i = 0; i < lower.length; i++) {
    if ("aeiou".indexOf(lower[i]) != -1) {
      n++;
    }
  }
  return n;
}
botContext.printDebugMessage(String(countVowels("Conversation Builder")));
return countVowels("XYZ") + countVowels("AEIOU");
