var grid = [[1, 2, 3], [4, 42, 6], [7, 8, 42]];
var found = null;
search: for (var r = 0; r < grid.length; r++) {
  for (var c = 0; c < grid[r].length; c++) {
    if (grid[r][c] === 42) { found = [r, c]; break search; }
  }
}
var skipped = [];
rows: for (var i = 0; i < grid.length; i++) {
  for (var j = 0; j < grid[i].length; j++) {
    if (grid[i][j] % 2 === 0) continue rows;
    skipped.push(grid[i][j]);
  }
}
var steps = 0;
block: {
  steps++;
  if (found) break block;
  steps = 100;
}
return [found, skipped, steps];
