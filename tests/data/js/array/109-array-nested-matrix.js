var matrix = [[1, 2, 3], [4, 5, 6]];
var sum = 0;
for (var r = 0; r < matrix.length; r++) {
  for (var c = 0; c < matrix[r].length; c++) {
    sum += matrix[r][c];
  }
}
matrix[1][2] = "six";
botContext.printDebugMessage(String(matrix));
botContext.printDebugMessage("sum " + sum);
botContext.printDebugMessage(String(matrix[2]));
return matrix;
