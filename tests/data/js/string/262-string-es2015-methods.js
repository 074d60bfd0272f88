var s = "Conversation Builder";
return [
  s.includes("Build"), s.includes("build"), s.includes("C", 1),
  s.startsWith("Conv"), s.startsWith("Builder", 13), s.endsWith("Builder"), s.endsWith("Conv", 4),
  "ab".repeat(3), "x".repeat(0), "  pad ".trimStart() + "|", "|" + "  pad ".trimEnd(),
  "5".padStart(3, "0"), "5".padEnd(4, "ab"), "long".padStart(2), "7".padStart(4)
];
