var out = [];
out.push(new Date(2024, 0, 32).toISOString());
out.push(new Date(2024, 0, 0).toISOString());
out.push(new Date(2024, 2, 0).getDate());
out.push(new Date(2023, 2, 0).getDate());
out.push(new Date(2024, 0, -1).toISOString());
out.push(new Date(2024, 0, 366).toISOString());
out.push(new Date(2024, 11, 31 + 1).getFullYear());
return out;
