//! One full turn of the agent-handoff bot: "I need a human" → the channel
//! check runs → transfer, per channel, in a conversation that is already
//! open (pattern match, dialog start, pre-process script in the
//! conversation's script session, template rendering, the transfer event).
//! `handoff_turn`: each iteration starts a fresh conversation in setup (not
//! timed), so the measured turn is always a conversation's first transfer
//! (cold caches: every conversation has its own script store).
//! `handoff_turn_warm`: the same turn repeated in one conversation.
//!
//! Run: `env -u RUST_BACKTRACE cargo bench --bench conversation`.

use cbot_engine::{Config, ConversationConfig, Engine};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let engine = Engine::new(&Config::default()).unwrap();
    let bot = engine.load_bot("dialogs/agent-handoff").unwrap();
    for channel in ["web", "lp_web", "lp_sms"] {
        let mut config = ConversationConfig::default();
        config.info.channel = channel.into();
        let turn = bot.start(config.clone()).send("I need a human");
        assert!(turn.events.iter().any(|e| matches!(e, cbot_engine::Event::Transfer { .. })));
        c.bench_function(&format!("conversation/handoff_turn/{channel}"), |b| {
            b.iter_batched(
                || {
                    let mut conversation = bot.start(config.clone());
                    // Warm the conversation's script session (its first run
                    // creates the wasmtime store).
                    conversation.send("hi");
                    conversation
                },
                |mut conversation| conversation.send("I need a human"),
                BatchSize::SmallInput,
            )
        });
        // The same turn in one long-lived conversation (warm caches): the
        // platform's `__agent_escalation_failed__` comes back, matches the
        // handoff pattern ("agent") and transfers again.
        let mut conversation = bot.start(config.clone());
        conversation.send("I need a human");
        c.bench_function(&format!("conversation/handoff_turn_warm/{channel}"), |b| {
            b.iter(|| conversation.send("__agent_escalation_failed__"))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
