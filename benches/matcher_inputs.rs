//! The pattern sets and messages of the matcher bench, shared by
//! benches/matcher.rs and benches/peers (included with `#[path]`), so that
//! both measure exactly the same work.

#![allow(dead_code, reason = "each including crate uses part of it")]

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub const FILLERS: &[&str] = &[
    "i", "want", "to", "the", "a", "my", "please", "can", "you", "me", "is", "what", "how", "do", "for", "with",
    "about", "need", "some", "an", "of", "on", "in", "get", "where", "it", "this",
];

pub fn words() -> Vec<String> {
    // 200 domain words: pronounceable, deterministic, mostly distinct.
    let (c, v) = (["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v"], ["a", "e", "i", "o", "u"]);
    let mut rng = Rng(0x5EED_CAFE);
    let mut out: Vec<String> = Vec::new();
    while out.len() < 200 {
        let syllables = 2 + rng.below(2);
        let w: String = (0..syllables).map(|_| format!("{}{}", c[rng.below(c.len())], v[rng.below(v.len())])).collect();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

pub fn patterns(n: usize) -> Vec<String> {
    let words = words();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = vec![
        "*(agent|representative|help|human)*".to_string(),
        "(hi|hello|hey)*".to_string(),
        "(thank(|s)|thank you)*".to_string(),
    ];
    while out.len() < n {
        let p = match rng.below(10) {
            0 => rng.pick(&w).to_string(),
            1 => format!("*{}*", rng.pick(&w)),
            2 => format!("({}|{}|{})*", rng.pick(&w), rng.pick(&w), rng.pick(&w)),
            3 => {
                let k = 2 + rng.below(5);
                format!("*({})*", (0..k).map(|_| rng.pick(&w)).collect::<Vec<_>>().join("|"))
            }
            4 => format!("{} {} *", rng.pick(FILLERS), rng.pick(&w)),
            5 => format!("i want a {} of ({}|{}|{})", rng.pick(&w), rng.pick(&w), rng.pick(&w), rng.pick(&w)),
            6 => format!("* (some|a pair of) ({}|{})*", rng.pick(&w), rng.pick(&w)),
            7 => format!("({}(|s)|{} you)*", rng.pick(&w), rng.pick(&w)),
            8 => format!("*{} {}*", rng.pick(&w), rng.pick(&w)),
            _ => format!("{}*", rng.pick(&w)),
        };
        out.push(p);
    }
    out
}

pub fn messages(count: usize) -> Vec<String> {
    let words = words();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut rng = Rng(0xD1CE_F00D);
    (0..count)
        .map(|_| {
            let mut m = if rng.below(10) < 3 {
                match rng.below(5) {
                    0 => "AGENT please".to_string(),
                    1 => format!("where is my order #{}", 10_000 + rng.below(90_000)),
                    2 => format!("i want a {} of {}", rng.pick(&w), rng.pick(&w)),
                    3 => format!("hello, I need some {}", rng.pick(&w)),
                    _ => format!("thanks for the {}", rng.pick(&w)),
                }
            } else {
                let len = 1 + rng.below(12);
                (0..len)
                    .map(|_| if rng.below(3) == 0 { rng.pick(FILLERS) } else { rng.pick(&w) })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            match rng.below(8) {
                0 => m = m.to_uppercase(),
                1 => m = format!("{}{}", m[..1].to_uppercase(), &m[1..]),
                _ => {}
            }
            if rng.below(4) == 0 {
                m.push(['?', '!', '.'][rng.below(3)]);
            }
            m
        })
        .collect()
}

/// `(?s)\A(?:…)\z` for a CB pattern (literals escaped, `*` → `.*`).
pub fn to_regex(p: &str) -> String {
    let mut out = String::from("(?s)\\A(?:");
    for c in p.chars() {
        match c {
            '*' => out.push_str(".*"),
            '(' => out.push_str("(?:"),
            ')' | '|' => out.push(c),
            c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out.push_str(")\\z");
    out
}
