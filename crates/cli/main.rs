//! The `cbot` command: glue between the command line and the cbot crates.
//!
//! `main` → `run(Cli::parse())` → one short function per subcommand
//! (crates/cli/cmd/). Exit codes follow ripgrep: 0 ok, 1 a policy failure
//! (`--deny-warnings`), 2 an error in the input or in cbot's environment.

mod cmd;

/// mimalloc rather than the system allocator: `cbot serve` and `cbot
/// bench` allocate from many threads at once, where glibc's malloc took
/// about a fifth of a loaded server's time (benches/RESULTS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Run LivePerson Conversation Builder bots offline.
#[derive(Debug, Parser)]
#[command(name = "cbot", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load a CB bot export, print a summary and every problem found.
    ///
    /// Exit status: 0 without errors, 1 with warnings under
    /// --deny-warnings, 2 with errors.
    Check(CheckArgs),
    /// Print a bot's dialog tree: dialogs → interactions → rules → targets.
    Show(ShowArgs),
    /// Match each line of stdin against a bot's dialog starters (or one
    /// pattern) and print the winner.
    ///
    /// Exit status: 0 when at least one line matched, 1 when none did, 2 on
    /// a bad pattern or bot.
    Match(MatchArgs),
    /// Compile a JavaScript code panel, run it against an offline botContext
    /// and print the transcript of botContext calls.
    ///
    /// Exit status: 0 ok, 1 the script threw or hit a limit, 2 it does not
    /// compile.
    Script(ScriptArgs),
    /// Talk to a bot: interactive on a terminal; with piped input, one user
    /// message per line and one turn per message.
    Chat(ChatArgs),
    /// Run conversation tests (Botium .convo.txt files with cbot
    /// directives, docs/testing.md) against bots, offline.
    ///
    /// Each PATH is a test file or a directory searched for them (a bot
    /// directory's convos/, say). A file's bot is --bot, else its `BOT`
    /// directive, else the nearest directory at or above it holding
    /// bot.json (or bot.cbot).
    ///
    /// Exit status: 0 all passed, 1 a test failed or coverage is under
    /// --coverage-min, 2 a test file or a bot has errors.
    Test(TestArgs),
    /// Measure a bot here: load time (cold and cached), intent matching,
    /// whole turns (throughput, latency percentiles, script share) and
    /// memory per live conversation.
    ///
    /// Without --utterances, messages are generated from the bot's own
    /// patterns; without --convos, conversations are ten of those messages
    /// each. Integrations are not called (no network).
    Bench(BenchArgs),
    /// Serve a bot over LivePerson's Third-Party Bots Custom Endpoint v1
    /// protocol (docs/serve.md).
    ///
    /// Conversations are stored after every event (in a log file under
    /// --state, or in Redis), so a restarted server goes on where it was.
    Serve(ServeArgs),
    /// Load-test `cbot serve` on loopback: N connections post events of
    /// generated conversations to the bot (docs/serve.md).
    ///
    /// Reports events per second, latency percentiles as the clients saw
    /// them, and the store's group commits. Exit status: 0 when every
    /// answer was right, 1 when some were not.
    Loadtest(LoadtestArgs),
    /// Convert a bot between its CB export (JSON) and the cbot text format
    /// (docs/text-format.md): `bot.cbot` plus its scripts under scripts/.
    ///
    /// `--to text` writes OUT/bot.cbot and OUT/scripts/…js; `--to json`
    /// writes the CB export to OUT (OUT/bot.json when OUT is a
    /// directory). Exit status: 0 ok, 2 the input has errors.
    Convert(ConvertArgs),
    /// Format cbot text files (bot.cbot) canonically, in place.
    ///
    /// Each FILE is a .cbot file or a directory holding bot.cbot. Exit
    /// status: 0 ok, 1 with --check when a file is not formatted, 2 a file
    /// cannot be read or parsed.
    Fmt(FmtArgs),
    /// Fuzz a part of cbot: the pattern parser, the matcher against the
    /// reference matcher, test files, the text format, CB JSON import, or
    /// the script compiler against node (docs/fuzzing.md).
    ///
    /// Inputs are generated from each format's grammar and by mutating
    /// the project's test data (read from the current directory, or
    /// --corpus-root). A finding (a panic, a hang, a property that does
    /// not hold) is minimised and written to OUT/TARGET/HASH.EXT, which
    /// `cargo test --test all fuzz` replays. Exit status: 0 nothing found,
    /// 1 a finding, 2 an unknown target.
    Fuzz(FuzzArgs),
}

#[derive(Debug, clap::Args)]
struct FuzzArgs {
    /// The target (`cbot fuzz --list`), or `all` for each in turn.
    #[arg(required_unless_present = "list")]
    target: Option<String>,
    /// List the targets and what each checks.
    #[arg(long)]
    list: bool,
    /// Seconds to run (each target, with `all`); 10 unless --runs is given.
    #[arg(long, value_name = "SECS")]
    time: Option<f64>,
    /// Executions to run (each target, with `all`).
    #[arg(long, value_name = "N")]
    runs: Option<u64>,
    /// The random seed: the same seed and --jobs give the same inputs.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Worker threads.
    #[arg(short = 'j', long, default_value_t = 1, value_name = "N")]
    jobs: usize,
    /// Where findings are written (OUT/TARGET/HASH.EXT).
    #[arg(long, default_value = "tests/data/fuzz", value_name = "DIR")]
    out: PathBuf,
    /// The project whose test data seeds the inputs (default: the current
    /// directory; built-in seeds are used when it has none).
    #[arg(long, value_name = "DIR")]
    corpus_root: Option<PathBuf>,
    /// Seconds one execution may take before it counts as a hang.
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    deadline: f64,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t = FuzzFormat::Text)]
    format: FuzzFormat,
}

/// `cbot fuzz`'s summary format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FuzzFormat {
    /// One line per target, then the finding.
    Text,
    /// One JSON object per target.
    Json,
}

#[derive(Debug, clap::Args)]
struct ConvertArgs {
    /// The bot: a CB export (or a directory holding bot.json) for `--to
    /// text`; a bot.cbot file (or its directory) for `--to json`.
    input: PathBuf,
    /// The form to write.
    #[arg(long, value_enum)]
    to: Form,
    /// Where: a directory for text, a file (or directory) for JSON.
    out: PathBuf,
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// The two forms of a bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Form {
    /// The cbot text format: bot.cbot and scripts/.
    Text,
    /// A Conversation Builder export.
    Json,
}

#[derive(Debug, clap::Args)]
struct FmtArgs {
    /// The files: .cbot files or directories holding bot.cbot.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Change nothing; exit with status 1 when a file is not formatted.
    #[arg(long)]
    check: bool,
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, clap::Args)]
struct LoadtestArgs {
    /// The bot: a CB export, a bot.cbot (text form), or a directory holding
    /// either.
    bot: PathBuf,
    /// Concurrent connections, each going through conversations one after
    /// another.
    #[arg(long, default_value_t = 64, value_name = "N")]
    connections: usize,
    /// Seconds measured.
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    duration: f64,
    /// Seconds of load before measuring.
    #[arg(long, default_value_t = 1.0, value_name = "SECS")]
    warmup: f64,
    /// The store: a directory (default: a fresh temporary one, removed
    /// after) or a `redis://` URL.
    #[arg(long, value_name = "DIR|URL")]
    state: Option<String>,
    /// Keep conversations in memory only.
    #[arg(long, conflicts_with = "state")]
    memory: bool,
    #[command(flatten)]
    log: LogArgs,
    /// Runtime threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BenchFormat::Table)]
    format: BenchFormat,
}

/// How the embedded log store writes (`serve` and `loadtest`).
#[derive(Debug, clap::Args)]
struct LogArgs {
    /// Do not sync the log to disk after each group of events: an
    /// answered event then survives the server being killed, not the
    /// machine losing power (for disks that are replicated or
    /// battery-backed anyway).
    #[arg(long)]
    no_fsync: bool,
    /// Microseconds at least between two disk syncs of the log: saves
    /// arriving meanwhile share the next sync (fewer syncs, a little more
    /// latency).
    #[arg(long, default_value_t = 1000, value_name = "MICROS")]
    sync_interval: u64,
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// The bot: a CB export, a bot.cbot (text form), or a directory holding
    /// either.
    bot: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Where conversations are stored: a directory (an append-only log,
    /// synced to disk in groups), or `redis://[[user]:password@]host[:port][/db]`
    /// to share conversations between several servers.
    #[arg(long, default_value = "cbot-state", value_name = "DIR|URL")]
    state: PathBuf,
    /// Keep conversations in memory only (lost when the server stops).
    #[arg(long, conflicts_with = "state")]
    memory: bool,
    #[command(flatten)]
    log: LogArgs,
    /// The bot id LivePerson puts in URLs (default: the export's bot id).
    #[arg(long)]
    bot_id: Option<String>,
    /// Verify requests' JWT with this RS256 public key (PEM file).
    #[arg(long, value_name = "FILE", group = "auth")]
    jwt_key: Option<PathBuf>,
    /// Verify requests' JWT with this HS256 shared secret (file holding
    /// it; surrounding whitespace is ignored).
    #[arg(long, value_name = "FILE", group = "auth")]
    jwt_secret: Option<PathBuf>,
    /// Also require this scope in the token's `scope` claim.
    #[arg(long, value_name = "SCOPE")]
    jwt_scope: Option<String>,
    /// Accept requests without a token (only on a trusted network).
    #[arg(long, group = "auth")]
    insecure_no_auth: bool,
    /// Do not call integrations over the network.
    #[arg(long)]
    offline: bool,
    /// Log format on stderr: `text` lines, or `json` (one object per
    /// line, for log collectors).
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    /// Least important log level written: error, warn, info, debug (one
    /// line per request) or trace.
    #[arg(long, default_value = "info", value_name = "LEVEL")]
    log_level: tracing_subscriber::filter::LevelFilter,
    /// Conversations kept in memory at most (idle ones beyond are reloaded
    /// from the store on their next event).
    #[arg(long, default_value_t = cbot_server::DEFAULT_MAX_LIVE, value_name = "N")]
    max_live: usize,
    /// Do not serve the web preview page (served at / when requests are
    /// not authenticated).
    #[arg(long)]
    no_preview: bool,
    /// Connections open at once; past it, new ones wait in the listen
    /// backlog until others close.
    #[arg(long, default_value_t = cbot_server::DEFAULT_MAX_CONNECTIONS, value_name = "N")]
    max_connections: usize,
    /// Seconds a request's head may take to arrive (also how long an idle
    /// keep-alive connection stays open), and then its body.
    #[arg(long, default_value_t = cbot_server::DEFAULT_READ_TIMEOUT_SECS, value_name = "SECS")]
    read_timeout: u64,
}

#[derive(Debug, clap::Args)]
struct BenchArgs {
    /// The bot: a CB export, a bot.cbot (text form), or a directory holding
    /// either.
    bot: PathBuf,
    /// User messages, one per line.
    #[arg(long, value_name = "FILE")]
    utterances: Option<PathBuf>,
    /// Conversation tests whose user messages make the conversations
    /// (docs/testing.md).
    #[arg(long, value_name = "DIR")]
    convos: Option<PathBuf>,
    /// Seconds for the matching and turn measurements together.
    #[arg(long, default_value_t = 6.0, value_name = "SECS")]
    duration: f64,
    /// Threads for the turn measurement (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Live conversations created for the memory measurement.
    #[arg(long, default_value_t = 2000, value_name = "N")]
    conversations: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BenchFormat::Table)]
    format: BenchFormat,
    /// Save the results as NAME (in .cbot-bench/NAME.json) for --baseline.
    #[arg(long, value_name = "NAME")]
    save: Option<String>,
    /// Show the change against the results saved as NAME.
    #[arg(long, value_name = "NAME")]
    baseline: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BenchFormat {
    /// A table.
    Table,
    /// One JSON document (with the baseline's, if any).
    Json,
}

#[derive(Debug, clap::Args)]
struct TestArgs {
    /// Test files, or directories holding them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The bot every file tests (a CB export, a bot.cbot, or a directory
    /// holding bot.json or bot.cbot).
    #[arg(long)]
    bot: Option<PathBuf>,
    /// Conversations run at once (default: one per core).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,
    /// Print the report as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Report which dialogs, interactions, patterns, rules and next
    /// actions the conversations ran, and which they never did.
    #[arg(long)]
    coverage: bool,
    /// Fail (exit 1) when a bot's coverage is under PCT percent.
    #[arg(long, value_name = "PCT")]
    coverage_min: Option<f64>,
    /// Write the coverage as a self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE")]
    coverage_html: Option<PathBuf>,
    /// Run only the conversations whose name contains this text.
    #[arg(long)]
    filter: Option<String>,
    /// Leave timings out of the reports (for reproducible output).
    #[arg(long)]
    no_timing: bool,
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, clap::Args)]
struct ChatArgs {
    /// The bot: a CB export, a bot.cbot (text form), or a directory holding
    /// either.
    bot: PathBuf,
    /// The channel (`getChannel()`): `web` is CB's preview; `lp_web`,
    /// `lp_sms`, `lp_messenger`, … are LivePerson channels.
    #[arg(long, default_value = "web")]
    channel: String,
    /// A session variable set before the first message (repeatable).
    #[arg(long, value_name = "NAME=VALUE")]
    var: Vec<String>,
    /// Also show how each turn went (matches, rules, jumps).
    #[arg(long)]
    trace: bool,
    /// Do not call integrations over the network (they fail with a
    /// message; agent escalations still transfer).
    #[arg(long)]
    offline: bool,
    /// An intent domain (CSV: intent, training phrase) for dialog starters
    /// with intents; `domain.csv` next to the bot is used by default.
    #[arg(long, value_name = "FILE")]
    domain: Option<PathBuf>,
    /// Output format (JSON: one object per turn, `{"user", "events"}`).
    #[arg(long, value_enum, default_value_t = Format::Plain)]
    format: Format,
    /// Write the session as a test file (`cbot test` replays it; see
    /// docs/testing.md) when it ends.
    #[arg(long, value_name = "FILE.convo.txt")]
    record: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct ScriptArgs {
    /// The script (one code panel; top-level `return` allowed).
    file: PathBuf,
    /// What `botContext.getChannel()` returns.
    #[arg(long)]
    channel: Option<String>,
    /// What `botContext.getCurrentUserMessage()` returns.
    #[arg(long)]
    user_message: Option<String>,
    /// A bot variable set before the run (repeatable).
    #[arg(long, value_name = "NAME=VALUE")]
    var: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Plain)]
    format: Format,
    /// Print the generated WebAssembly as text instead of running it.
    #[arg(long)]
    emit_wat: bool,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The bot: a CB export, a bot.cbot (text form), or a directory holding
    /// either.
    bot: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Plain)]
    format: Format,
    /// Exit with status 1 when there are warnings (and no errors).
    #[arg(long)]
    deny_warnings: bool,
    /// When to colour plain output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, clap::Args)]
struct ShowArgs {
    /// The bot: a CB export, a bot.cbot (text form), or a directory holding
    /// either.
    bot: PathBuf,
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["bot", "pattern"])))]
struct MatchArgs {
    /// The bot (a CB export, a bot.cbot, or a directory holding either); its
    /// dialog starters compete in the order of docs/patterns.md.
    bot: Option<PathBuf>,
    /// Match against this one pattern instead of a bot.
    #[arg(long, short = 'p')]
    pattern: Option<String>,
    /// Output format (JSON: one object per input line).
    #[arg(long, value_enum, default_value_t = Format::Plain)]
    format: Format,
    /// Also list every pattern that matched, and near misses.
    #[arg(long)]
    explain: bool,
    /// Punctuation handling.
    #[arg(long, value_enum, default_value_t = PunctuationArg::Keep)]
    punctuation: PunctuationArg,
    /// Compare case-sensitively.
    #[arg(long)]
    case_sensitive: bool,
    /// Do not collapse runs of whitespace.
    #[arg(long)]
    keep_whitespace: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PunctuationArg {
    /// Punctuation is literal (default).
    Keep,
    /// Drop trailing `. ! ? …`.
    StripTrailing,
    /// Remove all punctuation.
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable text.
    Plain,
    /// One JSON document: summary, diagnostics, counts.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour what goes to stdout.
    fn enabled(self) -> bool {
        use std::io::IsTerminal;
        self.enabled_for(std::io::stdout().is_terminal())
    }

    /// Whether to colour what goes to stderr.
    fn enabled_stderr(self) -> bool {
        use std::io::IsTerminal;
        self.enabled_for(std::io::stderr().is_terminal())
    }

    /// `Auto` colours a terminal unless NO_COLOR is set.
    fn enabled_for(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none() && terminal,
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`cbot show bot.json | head`) is not a failure.
            if err
                .chain()
                .any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("cbot: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Show(args) => cmd::show::run(&args),
        Command::Match(args) => cmd::matching::run(&args),
        Command::Script(args) => cmd::script::run(&args),
        Command::Chat(args) => cmd::chat::run(&args),
        Command::Test(args) => cmd::test::run(&args),
        Command::Bench(args) => cmd::bench::run(&args),
        Command::Serve(args) => cmd::serve::run(&args),
        Command::Loadtest(args) => cmd::loadtest::run(&args),
        Command::Convert(args) => cmd::convert::run(&args),
        Command::Fmt(args) => cmd::fmt::run(&args),
        Command::Fuzz(args) => cmd::fuzz::run(&args),
    }
}
