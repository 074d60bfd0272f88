// gap: ISO date-time strings with a numeric offset (+02:00, -05:00) parse as an invalid date
var inputs = [
  "2024-03-07T10:30:00+02:00",
  "2024-03-07T10:30:00-05:00",
  "2024-03-07T00:30:00+01:00",
  "2024-03-07T23:30:00-01:30",
  "2024-03-07T10:30:00.250+05:30",
  "2024-03-07T10:30:00+00:00"
];
var out = [];
for (var i = 0; i < inputs.length; i++) {
  out.push(new Date(inputs[i]).toISOString());
}
return out;
