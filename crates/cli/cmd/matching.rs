//! `cbot match`: which dialog starter (or one given pattern) each line of
//! stdin matches.

use super::{load, print_diagnostics};
use crate::{Format, MatchArgs, PunctuationArg};
use cbot_diag::{Diagnostic, SourceMap, render};
use cbot_matcher::{Cache, Evidence, MatchOptions, Matcher, MatcherBuilder, PatternId, Punctuation};
use cbot_model::{Bot, StarterPattern};
use serde_json::{Value, json};
use std::io::{BufRead, Write};
use std::process::ExitCode;

/// What a pattern id stands for in bot mode.
struct Starters<'b> {
    bot: &'b Bot,
    list: Vec<StarterPattern>,
}

impl Starters<'_> {
    fn describe(&self, id: PatternId) -> (String, String) {
        let s = &self.list[id.index()];
        let it = &self.bot.interactions[s.interaction];
        (self.bot.dialogs[s.dialog].display_name().to_string(), it.display_name().to_string())
    }
}

pub fn run(args: &MatchArgs) -> anyhow::Result<ExitCode> {
    let options = MatchOptions {
        case_insensitive: !args.case_sensitive,
        collapse_whitespace: !args.keep_whitespace,
        punctuation: match args.punctuation {
            PunctuationArg::Keep => Punctuation::Keep,
            PunctuationArg::StripTrailing => Punctuation::StripTrailing,
            PunctuationArg::Ignore => Punctuation::Ignore,
        },
        ..MatchOptions::default()
    };
    let mut sources = SourceMap::new();
    let loaded;
    let (matcher, starters) = match (&args.pattern, &args.bot) {
        (Some(pattern), _) => {
            let mut b = MatcherBuilder::new(options);
            if let Err(e) = b.add(pattern, 0) {
                let file = sources.add("<pattern>", pattern.clone());
                let mut d = Diagnostic::error(e.code, e.message)
                    .with_label(sources.span(file, e.span.start..e.span.end), e.label);
                if let Some(h) = e.help {
                    d = d.with_help(h);
                }
                eprint!("{}", render::plain(&d, &sources));
                return Ok(ExitCode::from(2));
            }
            (b.build(), None)
        }
        (None, Some(path)) => {
            loaded = load(path, &mut sources)?;
            let (Some(bot), Some(graph)) = (&loaded.bot, &loaded.graph) else {
                print_diagnostics(&mut std::io::stderr(), &loaded.diagnostics, &sources, false)?;
                return Ok(ExitCode::from(2));
            };
            if loaded.diagnostics.has_errors() {
                print_diagnostics(&mut std::io::stderr(), &loaded.diagnostics, &sources, false)?;
                return Ok(ExitCode::from(2));
            }
            let list = cbot_model::starter_patterns(bot, graph);
            let matcher = cbot_model::starter_matcher(bot, &list, options);
            (matcher, Some(Starters { bot, list }))
        }
        (None, None) => unreachable!("clap requires BOT or --pattern"),
    };

    let mut out = std::io::stdout().lock();
    let mut cache = Cache::new();
    let mut any = false;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let best = matcher.find_best_with(&line, &mut cache);
        any |= best.is_some();
        match args.format {
            Format::Plain => write_plain(&mut out, &line, best, &matcher, starters.as_ref(), args.explain)?,
            Format::Json => {
                let v = to_json(&line, best, &matcher, starters.as_ref(), args.explain);
                writeln!(out, "{}", serde_json::to_string(&v)?)?;
            }
        }
        out.flush()?;
    }
    Ok(if any { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn evidence_text(e: Evidence) -> &'static str {
    match e {
        Evidence::Exact => "the whole message",
        Evidence::Prefix => "starts with its text",
        Evidence::Suffix => "ends with its text",
        Evidence::Contains => "contains its text",
        Evidence::Everything => "matches everything",
        Evidence::Verified => "verified by its automaton",
    }
}

fn evidence_key(e: Evidence) -> &'static str {
    match e {
        Evidence::Exact => "exact",
        Evidence::Prefix => "prefix",
        Evidence::Suffix => "suffix",
        Evidence::Contains => "contains",
        Evidence::Everything => "everything",
        Evidence::Verified => "verified",
    }
}

fn write_plain(
    out: &mut impl Write,
    line: &str,
    best: Option<PatternId>,
    m: &Matcher,
    starters: Option<&Starters<'_>>,
    explain: bool,
) -> std::io::Result<()> {
    let what = |id: PatternId| match starters {
        Some(s) => {
            let (dialog, interaction) = s.describe(id);
            format!("dialog \"{dialog}\" (pattern `{}` of {interaction})", m.source(id))
        }
        None => format!("pattern `{}`", m.source(id)),
    };
    match best {
        Some(id) => writeln!(out, "{line:?} -> {}", what(id))?,
        None => writeln!(out, "{line:?} -> no match")?,
    }
    if explain {
        let why = m.explain(line);
        writeln!(out, "    normalised: {:?}", why.normalized)?;
        for (k, (id, e)) in why.matches.iter().enumerate() {
            let verdict = if k == 0 { "wins: first in priority order" } else { "matches too" };
            writeln!(out, "    {verdict}: {} ({})", what(*id), evidence_text(*e))?;
        }
        for id in &why.rejected {
            writeln!(out, "    near miss: {} (its text occurs, but the whole pattern does not fit)", what(*id))?;
        }
    }
    Ok(())
}

fn to_json(line: &str, best: Option<PatternId>, m: &Matcher, starters: Option<&Starters<'_>>, explain: bool) -> Value {
    let describe = |id: PatternId| {
        let mut v = json!({"pattern": m.source(id)});
        if let Some(s) = starters {
            let (dialog, interaction) = s.describe(id);
            v["dialog"] = dialog.into();
            v["interaction"] = interaction.into();
        }
        v
    };
    let mut v = json!({"input": line, "matched": best.is_some(), "pattern": Value::Null});
    if starters.is_some() {
        v["dialog"] = Value::Null;
        v["interaction"] = Value::Null;
    }
    if let Some(id) = best
        && let Value::Object(fields) = describe(id)
    {
        for (k, x) in fields {
            v[k] = x;
        }
    }
    if explain {
        let why = m.explain(line);
        v["normalized"] = why.normalized.clone().into();
        v["candidates"] = why
            .matches
            .iter()
            .map(|(id, e)| {
                let mut c = describe(*id);
                c["evidence"] = evidence_key(*e).into();
                c
            })
            .collect();
        v["near_misses"] = why.rejected.iter().map(|id| describe(*id)).collect();
    }
    v
}
