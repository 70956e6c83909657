use std::collections::BTreeSet;
use std::process::ExitCode;

use anyhow::Result;

use crate::outln;
use crate::reference::reference;

pub fn run(objective: Option<u8>, country: Option<&str>) -> Result<ExitCode> {
    let mut out = String::new();
    let r = reference();
    let objective = objective.map(super::objective_arg).transpose()?;
    let needle = country.map(|c| c.trim().to_lowercase());
    let matches: Vec<_> = r
        .practices()
        .iter()
        .filter(|p| objective.is_none_or(|n| p.objectives.contains(&n)))
        .filter(|p| {
            needle
                .as_deref()
                .is_none_or(|c| p.actors.iter().any(|a| a.to_lowercase().contains(c)))
        })
        .collect();
    if matches.is_empty() {
        let actors: BTreeSet<&str> = r
            .practices()
            .iter()
            .flat_map(|p| p.actors.iter().map(String::as_str))
            .collect();
        outln!(out, "No practice in the library matches.");
        if country.is_some() {
            outln!(
                out,
                "Countries and bodies in the library: {}",
                actors.into_iter().collect::<Vec<_>>().join(", ")
            );
        }
        super::emit(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        out,
        "{} practice{} from the GFMD workshop on national implementation of the GCM (Geneva, March 2019)\n",
        matches.len(),
        if matches.len() == 1 { "" } else { "s" }
    );
    for p in matches {
        let objectives = p
            .objectives
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        outln!(
            out,
            "{} ({})\n  {}\n  Theme: {}. Objectives: {}.\n",
            p.title,
            p.actors_text(),
            p.summary,
            p.theme,
            objectives
        );
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
