use std::process::ExitCode;

use anyhow::Result;

use crate::outln;
use crate::reference::reference;

pub fn run(number: Option<u8>) -> Result<ExitCode> {
    let mut out = String::new();
    let r = reference();
    match number {
        None => {
            outln!(
                out,
                "The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration\n"
            );
            for o in &r.objectives {
                outln!(
                    out,
                    "{:>2}. {} ({} actions)\n    {}",
                    o.number,
                    o.label,
                    o.actions.len(),
                    o.title
                );
            }
            outln!(
                out,
                "\n`gcmplan objectives N` shows an objective's actions and peer practices."
            );
        }
        Some(n) => {
            let n = super::objective_arg(n)?;
            let o = r.objective(n).expect("checked range");
            outln!(out, "Objective {}: {}", o.number, o.title);
            for alt in &o.alternative_titles {
                outln!(out, "  (also worded: {alt})");
            }
            outln!(
                out,
                "Label: {}    Paragraph {} of the GCM    SDG targets: {}",
                o.label,
                o.paragraph,
                o.sdg_targets.join(", ")
            );
            outln!(out, "\nActions ({}):", o.actions.len());
            for a in &o.actions {
                let local = if a.local { "  [local level]" } else { "" };
                outln!(out, "  {}{}  {}{}", o.number, a.letter, a.title, local);
            }
            let practices: Vec<_> = r.practices_for(n).collect();
            if !practices.is_empty() {
                outln!(out, "\nPeer practices from the 2019 GFMD workshop:");
                for p in practices {
                    outln!(out, "  - {} ({}): {}", p.title, p.actors_text(), p.summary);
                }
            }
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
