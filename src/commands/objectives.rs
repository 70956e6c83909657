use std::process::ExitCode;

use anyhow::Result;

use crate::reference::reference;

pub fn run(number: Option<u8>) -> Result<ExitCode> {
    let r = reference();
    match number {
        None => {
            println!(
                "The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration\n"
            );
            for o in &r.objectives {
                println!(
                    "{:>2}. {} ({} actions)\n    {}",
                    o.number,
                    o.label,
                    o.actions.len(),
                    o.title
                );
            }
            println!("\n`gcmplan objectives N` shows an objective's actions and peer practices.");
        }
        Some(n) => {
            let n = super::objective_arg(n)?;
            let o = r.objective(n).expect("checked range");
            println!("Objective {}: {}", o.number, o.title);
            for alt in &o.alternative_titles {
                println!("  (also worded: {alt})");
            }
            println!(
                "Label: {}    Paragraph {} of the GCM    SDG targets: {}",
                o.label,
                o.paragraph,
                o.sdg_targets.join(", ")
            );
            println!("\nActions ({}):", o.actions.len());
            for a in &o.actions {
                let local = if a.local { "  [local level]" } else { "" };
                println!("  {}{}  {}{}", o.number, a.letter, a.title, local);
            }
            let practices: Vec<_> = r.practices_for(n).collect();
            if !practices.is_empty() {
                println!("\nPeer practices from the 2019 GFMD workshop:");
                for p in practices {
                    println!("  - {} ({}): {}", p.title, p.actors_text(), p.summary);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
