//! Intents: which dialog a message means when no pattern matches it
//! (CB-SPEC §1.8). CB asks its NLU; cbot asks an [`IntentClassifier`]. The
//! built-in [`DomainClassifier`] scores a message lexically against an
//! intent domain's training phrases.

use std::collections::{BTreeMap, HashSet};

/// CB's confidence bands. Only GOOD and VERY GOOD start a dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// Below FAIR.
    Poor,
    /// FAIR.
    Fair,
    /// FAIR PLUS.
    FairPlus,
    /// GOOD: starts a dialog.
    Good,
    /// VERY GOOD: starts a dialog.
    VeryGood,
}

impl Band {
    /// The band of a score in 0–1 (cbot's thresholds: 0.85, 0.70, 0.55,
    /// 0.40; CB does not publish its own).
    pub fn of(score: f64) -> Band {
        match score {
            s if s >= 0.85 => Band::VeryGood,
            s if s >= 0.70 => Band::Good,
            s if s >= 0.55 => Band::FairPlus,
            s if s >= 0.40 => Band::Fair,
            _ => Band::Poor,
        }
    }
}

/// How well a message fits an intent.
#[derive(Debug, Clone, PartialEq)]
pub struct IntentScore {
    /// The intent's name (as in the bot's `associatedIntents`).
    pub intent: String,
    /// 0 to 1.
    pub score: f64,
}

impl IntentScore {
    /// The score's band.
    pub fn band(&self) -> Band {
        Band::of(self.score)
    }
}

/// Scores messages against intents.
pub trait IntentClassifier: Send + Sync {
    /// Scores of the intents that fit at all, best first.
    fn classify(&self, message: &str) -> Vec<IntentScore>;
}

/// An intent domain: intent name → training phrases, scored by word
/// overlap. A message's score for an intent is its best phrase's Dice
/// coefficient over lower-cased word sets, so "I lost my card" against
/// "i lost my credit card" scores 0.89 (VERY GOOD) and an unrelated message
/// scores 0.
#[derive(Debug, Clone, Default)]
pub struct DomainClassifier {
    intents: BTreeMap<String, Vec<HashSet<String>>>,
}

/// A domain file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for DomainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

impl DomainClassifier {
    /// An empty domain.
    pub fn new() -> DomainClassifier {
        DomainClassifier::default()
    }

    /// Adds a training phrase.
    pub fn add(&mut self, intent: &str, phrase: &str) {
        let w = words(phrase);
        if !w.is_empty() {
            self.intents.entry(intent.to_string()).or_default().push(w);
        }
    }

    /// Reads a domain as CSV: a header row naming an intent column
    /// (`intent`, `intent name`) and a phrase column (`training phrase`,
    /// `phrase`, `sentence`, `utterance`), then one phrase per row, the way
    /// LivePerson's domain export lists them. Quoted fields may hold commas.
    pub fn from_csv(text: &str) -> Result<DomainClassifier, DomainError> {
        let mut rows = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
        let Some((_, header)) = rows.next() else {
            return Err(DomainError { line: 1, message: "the domain file is empty".into() });
        };
        let cols: Vec<String> = csv_fields(header).iter().map(|c| c.trim().to_lowercase()).collect();
        let find = |names: &[&str]| cols.iter().position(|c| names.contains(&c.as_str()));
        let (Some(ci), Some(cp)) = (
            find(&["intent", "intent name", "intent_name", "intentname"]),
            find(&["training phrase", "training phrases", "phrase", "sentence", "utterance", "training_phrase"]),
        ) else {
            return Err(DomainError {
                line: 1,
                message: format!(
                    "the header must name an intent column and a training-phrase column; it has: {}",
                    cols.join(", ")
                ),
            });
        };
        let mut d = DomainClassifier::new();
        for (n, line) in rows {
            let f = csv_fields(line);
            let (Some(intent), Some(phrase)) = (f.get(ci), f.get(cp)) else {
                return Err(DomainError {
                    line: n + 1,
                    message: format!("expected at least {} fields", ci.max(cp) + 1),
                });
            };
            d.add(intent.trim(), phrase);
        }
        Ok(d)
    }

    /// How many intents the domain has.
    pub fn len(&self) -> usize {
        self.intents.len()
    }

    /// Whether the domain has no intents.
    pub fn is_empty(&self) -> bool {
        self.intents.is_empty()
    }
}

fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    out.push(field);
    out
}

impl IntentClassifier for DomainClassifier {
    fn classify(&self, message: &str) -> Vec<IntentScore> {
        let m = words(message);
        if m.is_empty() {
            return Vec::new();
        }
        let mut scores: Vec<IntentScore> = self
            .intents
            .iter()
            .filter_map(|(intent, phrases)| {
                let best = phrases
                    .iter()
                    .map(|p| 2.0 * p.intersection(&m).count() as f64 / (p.len() + m.len()) as f64)
                    .fold(0.0, f64::max);
                (best > 0.0).then(|| IntentScore { intent: intent.clone(), score: best })
            })
            .collect();
        scores.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.intent.cmp(&b.intent)));
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_csv_scores_and_bands() {
        let d = DomainClassifier::from_csv(
            "Intent Name,Training Phrase\nreplace card,i lost my credit card\nreplace card,\"my card is broken, replace it\"\nbalance,what is my balance\n",
        )
        .unwrap();
        assert_eq!(d.len(), 2);
        let s = d.classify("I lost my card");
        assert_eq!(s[0].intent, "replace card");
        assert!(s[0].band() >= Band::Good, "{s:?}");
        assert!(d.classify("hello there").is_empty());
        let err = DomainClassifier::from_csv("name,text\nx,y\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
