//! `cbot fmt [--check] FILE…`: cbot text files in their canonical layout.

use super::{plural, print_diagnostics};
use crate::FmtArgs;
use anyhow::Context as _;
use cbot_diag::SourceMap;
use std::process::ExitCode;

pub fn run(args: &FmtArgs) -> anyhow::Result<ExitCode> {
    let mut sources = SourceMap::new();
    let (mut unformatted, mut broken) = (0, 0);
    for given in &args.files {
        let path = if given.is_dir() { given.join(cbot_dsl::BOT_FILE) } else { given.clone() };
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let id = sources.add(path.display().to_string(), text);
        let formatted = match cbot_dsl::format(&sources, id) {
            Ok(t) => t,
            Err(diags) => {
                print_diagnostics(&mut std::io::stderr().lock(), &diags, &sources, args.color.enabled_stderr())?;
                broken += 1;
                continue;
            }
        };
        if formatted == sources.file(id).text() {
            continue;
        }
        unformatted += 1;
        if args.check {
            println!("{}: not formatted", path.display());
        } else {
            std::fs::write(&path, formatted).with_context(|| format!("cannot write {}", path.display()))?;
            println!("{}: formatted", path.display());
        }
    }
    if broken > 0 {
        eprintln!("{} could not be read", plural(broken, "file"));
        return Ok(ExitCode::from(2));
    }
    Ok(if args.check && unformatted > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
