//! cbot's one integration test binary (one binary links once: linking is the
//! slow part of a build on two cores).
//!
//! Modules, and what to run to narrow a failure down:
//! - `fixtures`: the real CB exports in ../shared/fixtures (`cargo test --test all fixtures`)
//! - `dsl`: the cbot text format: round trips on every CB export, `fmt`
//!   idempotence (property tests), parser and error snapshots in
//!   tests/data/dsl (`cargo test --test all dsl`; `CBOT_BLESS=1` rewrites them)
//! - `errors`: malformed bots in tests/data/errors, each with its expected
//!   rendering (`cargo test --test all errors`; `CBOT_BLESS=1` rewrites them)
//! - `hostile`: issue 12's hostile suites: scripts in tests/data/hostile
//!   stopped by their limits in conversations that carry on, and bots with
//!   endless flows, 100,000 patterns, deep nesting and enormous templates
//!   (`cargo test --test all hostile -- --nocapture` prints the times)
//! - `large`: a generated 50 MB bot
//! - `cli`: the `cbot` binary's output and exit codes
//! - `fuzz`: the minimised fuzz findings in tests/data/fuzz replay cleanly,
//!   and a brief seeded run of every fuzz target (`cargo test --test all fuzz`)
//! - `patterns`: tests/data/patterns/*.toml against the matcher and the
//!   reference matcher, plus property tests (`cargo test --test all patterns`)
//! - `script`: the JS → wasm engine: limits, snapshots of generated code,
//!   and the differential suite against node (`cargo test --test all script`)
//! - `conversation`: the dialog runtime on scripted conversations
//!   (tests/data/bots), the agent-handoff bot and the sample exports
//! - `botcontext`: every `botContext` method (docs/botcontext.md): offline
//!   defaults and arities, effects in conversations, and tests/js/run.js
//!   answering as `OfflineContext` does (`cargo test --test all botcontext`)
//! - `serve`: the Custom Endpoint v1 server in process, and a real one
//!   killed and restarted on its store (`cargo test --test all serve`)
//! - `preview`: `cbot serve`'s web preview page: its JSON API in process,
//!   and the page in headless Chromium over the DevTools pipe (skipped
//!   without /usr/bin/chromium unless CBOT_REQUIRE_BROWSER=1; `cargo test
//!   --test all preview`; screenshot in target/preview-screenshot.png)
//! - `testkit`: `cbot test` on the example bot and on tests/data/convos
//!   (reports snapshotted; `CBOT_BLESS=1` rewrites them), coverage, record
//!   and replay (`cargo test --test all testkit`)
//! - `stress`: `cbot serve` under load with cut connections, SIGKILLed
//!   servers and a restarted Redis; no answered event may be lost
//!   (`cargo test --test all stress -- --nocapture` prints the reports)

mod botcontext;
mod cli;
mod conversation;
mod dsl;
mod errors;
mod fixtures;
mod fuzz;
mod hostile;
mod large;
mod patterns;
mod preview;
mod script;
mod serve;
mod store;
mod stress;
mod testkit;
mod util;
