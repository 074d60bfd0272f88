//! The smallest embedding: load the agent-handoff bot, hold a conversation
//! on an SMS channel, print what the bot does.
//!
//! Run from the repository root: `cargo run -p cbot-engine --example embed_minimal`

use cbot_engine::{Config, ConversationConfig, Engine, Event};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = Engine::new(&Config::default())?;
    let bot = engine.load_bot("dialogs/agent-handoff")?;
    let mut config = ConversationConfig::default();
    config.info.channel = "lp_sms".into();
    config.info.user_channel = "lp_sms".into();
    let mut conversation = bot.start(config);
    for message in ["hi", "I want to talk to a human"] {
        println!("user: {message}");
        for event in conversation.send(message).events {
            match event {
                Event::Text { text } => println!("bot:  {text}"),
                Event::Transfer { skill, skill_id, message, .. } => {
                    println!("bot:  [transfer to {} ({skill_id}): {message:?}]", skill.unwrap_or_default())
                }
                other => println!("bot:  {other:?}"),
            }
        }
    }
    Ok(())
}
