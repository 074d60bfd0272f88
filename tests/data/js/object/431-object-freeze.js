var cfg = Object.freeze({name: "bot", nested: {x: 1}});
cfg.name = "changed";
cfg.added = 1;
delete cfg.name;
cfg.nested.x = 2;
return [cfg.name, cfg.added === undefined, cfg.nested.x, Object.isFrozen(cfg), Object.isFrozen({})];
