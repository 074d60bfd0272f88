var out = [];
out.push(new Date(99, 0, 1).getFullYear());
out.push(new Date(0, 0, 1).getFullYear());
out.push(new Date(50, 5, 15).toISOString());
out.push(new Date(100, 0, 1).getFullYear());
out.push(new Date(2024, 0, 1).getFullYear());
return out;
