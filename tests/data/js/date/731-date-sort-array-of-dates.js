var dates = [new Date(2024, 5, 1), new Date(2023, 11, 31), new Date(2024, 0, 15), new Date(2024, 5, 1, 0, 0, 1), new Date(0)];
var asc = dates.slice().sort(function (a, b) { return a - b; });
var desc = dates.slice().sort(function (a, b) { return b.getTime() - a.getTime(); });
var latest = dates.reduce(function (m, d) { return d > m ? d : m; });
var earliest = dates.reduce(function (m, d) { return d < m ? d : m; });
return {
  asc: asc.map(function (d) { return d.toISOString(); }),
  desc: desc.map(function (d) { return d.getTime(); }),
  latest: latest,
  earliest: earliest.toISOString(),
  first: dates.indexOf(latest)
};
