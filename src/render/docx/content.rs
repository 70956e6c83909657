//! What the Word document says, section by section, as plain blocks
//! (headings, paragraphs, lists, tables). It follows the Markdown templates
//! sentence for sentence, so that the three documents read the same; it is
//! built in Rust because a .docx is not text a template could write.
//! [`super`] turns the blocks into WordprocessingML.

use crate::plan::{MeasureView, ObjectiveSection, Plan};
use crate::reference::join_and;

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Something the drafting team still has to write, highlighted.
    pub todo: bool,
}

fn t(text: impl Into<String>) -> Span {
    Span {
        text: text.into(),
        bold: false,
        italic: false,
        todo: false,
    }
}

fn b(text: impl Into<String>) -> Span {
    Span {
        bold: true,
        ..t(text)
    }
}

fn todo(text: impl Into<String>) -> Span {
    Span {
        todo: true,
        ..t(text)
    }
}

/// A table cell: text, and a shading key for coverage cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    /// "covered", "partial", "gap" or "todo".
    pub shade: Option<&'static str>,
}

fn c(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        shade: None,
    }
}

fn shaded(text: impl Into<String>, key: &'static str) -> Cell {
    Cell {
        text: text.into(),
        shade: Some(key),
    }
}

fn or(value: &Option<String>, fallback: &str) -> Cell {
    match value {
        Some(v) => c(v.clone()),
        None => c(fallback),
    }
}

fn or_todo(value: &Option<String>, fallback: &str) -> Cell {
    match value {
        Some(v) => c(v.clone()),
        None => shaded(fallback, "todo"),
    }
}

fn dash(text: &str) -> Cell {
    if text.is_empty() { c("—") } else { c(text) }
}

fn yes_no(x: bool) -> Cell {
    c(if x { "Yes" } else { "No" })
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document title.
    Title(String),
    /// A heading, level 1 to 4; level 1 starts a new page.
    Heading(u8, String),
    Para(Vec<Span>),
    /// A paragraph set apart (the disclaimer, the working-aid notice).
    Note(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    /// A table with a header row.
    Table(Vec<String>, Vec<Vec<Cell>>),
    /// A two-column table of labels and values, as for a measure.
    Fields(Vec<(String, Cell)>),
    /// A heading outside the outline (on the title page).
    Label(String),
    /// The table of contents.
    Contents,
}

#[derive(Default)]
struct Doc {
    blocks: Vec<Block>,
}

impl Doc {
    fn h(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }
    fn p(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(vec![t(text)]));
    }
    fn todo(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(vec![todo(text)]));
    }
    fn rich(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Para(spans));
    }
    fn bullets(&mut self, items: Vec<String>) {
        self.blocks.push(Block::Bullets(
            items.into_iter().map(|i| vec![t(i)]).collect(),
        ));
    }
    fn table(&mut self, header: &[&str], rows: Vec<Vec<Cell>>) {
        self.blocks.push(Block::Table(
            header.iter().map(|h| h.to_string()).collect(),
            rows,
        ));
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn numbered<'a>(items: impl IntoIterator<Item = (u8, &'a str)>) -> String {
    let parts: Vec<String> = items
        .into_iter()
        .map(|(n, label)| format!("{n} ({label})"))
        .collect();
    join_and(&parts)
}

/// The plan as blocks, in document order.
pub fn blocks(plan: &Plan) -> Vec<Block> {
    let mut d = Doc::default();
    title(&mut d, plan);
    revisions(&mut d, plan);
    d.blocks.push(Block::Contents);
    summary(&mut d, plan);
    mandate(&mut d, plan);
    principles(&mut d, plan);
    governance(&mut d, plan);
    inventory(&mut d, plan);
    objectives(&mut d, plan);
    partnerships(&mut d, plan);
    resources(&mut d, plan);
    monitoring(&mut d, plan);
    annexes(&mut d, plan);
    d.blocks
}

fn title(d: &mut Doc, plan: &Plan) {
    d.blocks.push(Block::Title(plan.title.clone()));
    let status = match &plan.revision {
        Some(r) => match &r.date {
            Some(date) => format!("Draft — revision {} ({date})", r.number),
            None => format!("Draft — revision {}", r.number),
        },
        None => "Draft".into(),
    };
    d.rich(vec![b(status)]);
    d.p(format!(
        "Country: {}. Plan period: {}. Lead agency: {}.",
        plan.state.name, plan.period, plan.state.lead_agency
    ));
    let mut route = format!("Route: {}", plan.route.name);
    if let Some(into) = &plan.route.integrated_into {
        route.push_str(&format!(" ({into})"));
    }
    route.push_str(&format!(". Approach: {}", plan.approach.name));
    if let Some(f) = &plan.file_approach {
        route.push_str(&format!(
            ", shown for comparison only; the answers file chooses {}",
            f.name
        ));
    }
    route.push('.');
    d.p(route);
    d.blocks.push(Block::Note(vec![Span {
        italic: true,
        ..t(format!("This draft was prepared with {} from the answers file kept for this plan, which records the existing instruments, priorities and proposed measures. It is a working document for the drafting team and the inter-ministerial committee; it does not represent a position adopted by the Government.", plan.generator))
    }]));
}

fn revisions(d: &mut Doc, plan: &Plan) {
    if plan.revisions.is_empty() {
        return;
    }
    d.blocks.push(Block::Label("Revisions".into()));
    d.table(
        &["Revision", "Date", "What changed"],
        plan.revisions
            .iter()
            .map(|r| vec![c(r.number.to_string()), or(&r.date, "—"), or(&r.note, "—")])
            .collect(),
    );
}

fn summary(d: &mut Doc, plan: &Plan) {
    d.h(1, "1. Executive summary");
    let integrated = plan.route.key == "integrated";
    let form = if integrated {
        match &plan.route.integrated_into {
            Some(into) => format!("Rather than adopt a separate plan, the Government integrates the implementation of the Compact into existing national planning, namely: {into}."),
            None => "Rather than adopt a separate plan, the Government integrates the implementation of the Compact into existing national planning.".into(),
        }
    } else {
        "It takes the form of a dedicated plan.".into()
    };
    d.p(format!("This document is a draft national implementation plan for the Global Compact for Safe, Orderly and Regular Migration, covering {}. {form}", plan.period));

    // The approach.
    if let Some(f) = &plan.file_approach {
        d.p(format!("This version shows the plan under the {} approach so that it can be compared with the {} approach chosen in the answers file. It is not the version proposed for adoption.", plan.approach.phrase, f.phrase));
    } else {
        let lead = format!(
            "The plan follows the {} approach — {}.",
            plan.approach.phrase, plan.approach.description
        );
        match &plan.approach.rationale {
            Some(r) => {
                d.p(format!(
                    "{lead} The Government gives the following reasons for this choice."
                ));
                d.p(r.clone());
            }
            None => d.rich(vec![
                t(format!("{lead} ")),
                todo("The reasons for this choice are still to be recorded."),
            ]),
        }
    }

    // Coverage.
    let s = &plan.summary;
    let mut text = format!(
        "The inventory lists {}. Measured against the 23 objectives, the instruments in force cover {} in full and {} in part, and leave {} without any instrument. ",
        plural(s.instruments, "existing instrument"),
        s.covered,
        s.partial,
        s.gap
    );
    if plan.is_business_as_usual {
        text.push_str(&format!(
            "The plan takes no new measure and leaves {} with a gap or partial coverage unaddressed.",
            plural(plan.left_undone.len(), "objective")
        ));
    } else {
        if plan.is_systemic {
            text.push_str("The plan addresses all 23 objectives");
        } else {
            text.push_str(&format!(
                "The plan takes up {}",
                plural(s.objectives_in_plan, "objective")
            ));
        }
        text.push_str(&format!(
            " and proposes {}.",
            plural(s.measures, "new measure")
        ));
        if plan.is_selective && !plan.left_undone.is_empty() {
            let n = plan.left_undone.len();
            text.push_str(&format!(" It leaves outside its scope {} that existing instruments do not fully cover; {} will be considered at the next review.", plural(n, "objective"), if n == 1 { "this objective" } else { "these" }));
        }
    }
    d.p(text);
    if s.high_priorities.is_empty() {
        d.p("No objective has yet been given high priority.");
    } else {
        d.p(format!(
            "The Government gives high priority to {} {}.",
            if s.high_priorities.len() == 1 {
                "objective"
            } else {
                "objectives"
            },
            numbered(
                s.high_priorities
                    .iter()
                    .map(|o| (o.number, o.label.as_str()))
            )
        ));
    }

    let rows = crate::render::chart::priority_table(plan)
        .into_iter()
        .map(|r| {
            let cell = |x: &crate::render::chart::Cell| {
                if x.count == 0 {
                    c("0")
                } else {
                    c(format!("{} ({})", x.count, x.objectives))
                }
            };
            vec![
                c(r.name),
                cell(&r.covered),
                cell(&r.partial),
                cell(&r.gap),
                c(r.total.to_string()),
            ]
        })
        .collect();
    d.p("The table counts the objectives by the priority the Government gives them and their coverage by instruments in force; the numbers of the objectives are in brackets.");
    d.table(&["Priority", "Covered", "Partial", "Gap", "Total"], rows);

    // Outlook.
    if !plan.is_business_as_usual {
        if !s.budget.is_empty() {
            let mut text = format!(
                "The measures costed so far amount to {}",
                join_and(&s.budget)
            );
            let n = plan.resources.unfunded.len();
            if n > 0 {
                text.push_str(&format!(
                    "; {} {} no confirmed amount and funding source yet",
                    plural(n, "measure"),
                    if n == 1 { "has" } else { "have" }
                ));
            }
            text.push_str(" (section 8).");
            d.p(text);
        } else if s.measures > 0 {
            d.p("No measure has been costed yet (section 8).");
        }
    }
    if s.follows_recommendation {
        d.p(format!(
            "{} is the one recommended by the readiness assessment in Annex C.",
            if plan.file_approach.is_some() {
                "The approach shown in this version"
            } else {
                "The chosen approach"
            }
        ));
    } else {
        let recommended = plan
            .annex
            .approaches
            .iter()
            .find(|a| a.recommended)
            .map_or("", |a| a.phrase);
        let rest = if plan.file_approach.is_some() {
            if s.file_follows_recommendation {
                "This version applies a different one; the approach chosen in the answers file is the one recommended."
            } else {
                "This version applies a different one."
            }
        } else {
            "The plan applies a different one; the drafting team may wish to record why."
        };
        d.p(format!(
            "The readiness assessment in Annex C recommends the {recommended} approach. {rest}"
        ));
    }
    if s.findings > 0 {
        d.p(format!(
            "Annex D lists {} for the drafting team to settle before the draft is finalised.",
            plural(s.findings, "point")
        ));
    }
}

fn mandate(d: &mut Doc, plan: &Plan) {
    d.h(1, "2. Mandate and context");
    d.h(2, "2.1 The Global Compact for Migration");
    d.p("The Global Compact for Safe, Orderly and Regular Migration was adopted at the intergovernmental conference in Marrakech on 10 December 2018 and endorsed by the United Nations General Assembly in resolution 73/195 of 19 December 2018. It is a cooperative framework that does not create legally binding obligations. It rests on ten cross-cutting and interdependent guiding principles and sets out 23 objectives, each with a commitment and a range of actions from which States may draw in pursuing it.");
    d.p("Paragraph 53 of the Compact encourages States to prepare ambitious national responses to its implementation and to review progress at national level on a regular and inclusive basis. As one means to this end it suggests that States may choose to draw up and use a national implementation plan, prepared with contributions from all relevant stakeholders, including parliaments and local authorities. This draft is prepared in response to that invitation.");

    d.h(2, "2.2 National context");
    if let Some(p) = &plan.state.profile {
        d.p(format!("The state's migration profile is that of {p}."));
    }
    match (&plan.state.context, &plan.state.profile) {
        (Some(ctx), _) => d.p(ctx.clone()),
        (None, None) => {
            d.todo("The national migration context is still to be described by the drafting team.")
        }
        (None, Some(_)) => d.todo(
            "A fuller description of the national migration context is still to be written by the drafting team.",
        ),
    }

    let integrated = plan.route.key == "integrated";
    d.h(
        2,
        if integrated {
            "2.3 Route: integration into national planning"
        } else {
            "2.3 Route: a dedicated plan"
        },
    );
    let mut text = "Guidance issued by the United Nations Network on Migration recognises two routes to national implementation: a dedicated national implementation plan, or the integration of the Compact into existing national planning processes such as a national development plan. ".to_string();
    if integrated {
        text.push_str("The Government has chosen the second route. ");
        match &plan.route.integrated_into {
            Some(into) => text.push_str(&format!(
                "The implementation of the Compact is integrated into the following national plan: {into}."
            )),
            None => text.push_str(
                "The implementation of the Compact is integrated into existing national plans.",
            ),
        }
        if plan.development_plan.is_some() {
            text.push_str(" Section 6 shows the pillar of the development plan under which each measure is carried out and reported on.");
        }
    } else {
        text.push_str("The Government has chosen the first route: this plan is a dedicated instrument, adopted and followed up in its own right.");
    }
    d.p(text);
    match &plan.development_plan {
        Some(dp) => {
            let period = dp
                .period
                .as_ref()
                .map(|p| format!(", covering the years {p}"))
                .unwrap_or_default();
            let mut text = if integrated {
                format!("National development plan: {}{period}.", dp.name)
            } else {
                format!(
                    "Although the plan stands on its own, it is to be read with the national development plan: {}{period}.",
                    dp.name
                )
            };
            if !dp.pillars.is_empty() {
                text.push_str(" The table shows the pillars of the development plan and the measures of this plan that fall under each.");
            }
            d.p(text);
            if !dp.pillars.is_empty() {
                d.table(
                    &["Pillar of the development plan", "Measures of this plan"],
                    dp.pillars
                        .iter()
                        .map(|p| {
                            vec![
                                c(p.name.clone()),
                                c(if p.measure_count > 0 {
                                    p.measures.clone()
                                } else {
                                    "None".into()
                                }),
                            ]
                        })
                        .collect(),
                );
            }
        }
        None if integrated => d.todo(
            "The development plan concerned, its period and its pillars are still to be recorded.",
        ),
        None => {}
    }

    d.h(2, "2.4 Approach");
    d.p("At its thematic workshop on the national implementation of the Compact, held in Geneva on 21-22 March 2019, the Global Forum on Migration and Development (GFMD) heard three broad approaches described: a systemic and robust approach, which follows the four-year review cycle of the Compact, works with the whole of society, invests in capacity and includes voluntary reporting at regional level; a selective approach, in which a state matches its existing priorities and national strategies to the objectives of the Compact; and business as usual, which adds nothing new in the first years. The States taking part agreed that business as usual was not an acceptable option.");
    if let Some(f) = &plan.file_approach {
        let mut text = format!(
            "The answers file chooses the {} approach ({}). This version of the draft applies the {} approach instead ({}), so that the two can be compared; it is not the version proposed for adoption.",
            f.phrase, f.description, plan.approach.phrase, plan.approach.description
        );
        if f.rationale.is_some() {
            text.push_str(
                " The reasons recorded for the choice made in the answers file are as follows.",
            );
        }
        d.p(text);
        if let Some(r) = &f.rationale {
            d.p(r.clone());
        }
    } else {
        let lead = format!(
            "This plan follows the {} approach — {}.",
            plan.approach.phrase, plan.approach.description
        );
        match &plan.approach.rationale {
            Some(r) => {
                d.p(format!(
                    "{lead} The Government has chosen it for the following reasons."
                ));
                d.p(r.clone());
            }
            None => d.rich(vec![
                t(format!("{lead} ")),
                todo("The reasons for the choice are still to be recorded by the drafting team."),
            ]),
        }
    }
}

fn principles(d: &mut Doc, plan: &Plan) {
    d.h(1, "3. Guiding principles");
    d.p("The Compact rests on ten cross-cutting and interdependent guiding principles (paragraph 15). For each, the summary below is followed by the commitment the Government makes in this plan and, where the answers file shows it, the evidence that supports the commitment.");
    for p in &plan.principles {
        d.rich(vec![
            b(format!("{} {}.", p.reference, p.name)),
            t(format!(" {}", p.summary)),
        ]);
        match &p.commitment {
            Some(text) => d.rich(vec![b("Commitment: "), t(text.clone())]),
            None => d.rich(vec![
                b("Commitment: "),
                Span {
                    bold: true,
                    ..todo("[Commitment to be drafted.]")
                },
            ]),
        }
        if let Some(e) = &p.evidence {
            d.p(format!("Evidence in the answers file: {e}."));
        }
    }
}

fn governance(d: &mut Doc, plan: &Plan) {
    let g = &plan.governance;
    d.h(1, "4. Governance and coordination");
    d.p("The Compact calls for a whole-of-government and a whole-of-society approach (paragraph 15 (i) and (j)). This section sets out who coordinates the plan within government, which partners outside government take part, and how the plan reaches from local authorities to the regional and global levels.");

    d.h(2, "4.1 Whole of government");
    d.p(format!(
        "Lead agency for the plan: {}.",
        plan.state.lead_agency
    ));
    match &g.coordination {
        Some(co) => {
            d.p(format!("Coordination mechanism: {}.", co.name));
            let mut items = Vec::new();
            if let Some(x) = &co.chair {
                items.push(format!("Chair: {x}"));
            }
            if let Some(x) = co.established {
                items.push(format!("Established: {x}"));
            }
            if let Some(x) = &co.meets {
                items.push(format!("Meets: {x}"));
            }
            if let Some(x) = &co.mandate {
                items.push(format!("Mandate: {x}"));
            }
            if !items.is_empty() {
                d.bullets(items);
            }
        }
        None => d.todo("No national coordination mechanism has yet been designated. The drafting team should propose one, with its chair, membership, frequency of meetings and mandate, before the draft goes to the inter-ministerial committee."),
    }
    if g.ministries.is_empty() {
        d.todo("No ministry or agency has yet been named with a role in the plan.");
    } else {
        d.p("The ministries and agencies below share the implementation of the plan.");
        d.table(
            &["Ministry or agency", "Role in the plan", "Measures led"],
            g.ministries
                .iter()
                .map(|m| {
                    vec![
                        c(m.name.clone()),
                        c(m.role.clone()),
                        c(if m.leads.is_empty() {
                            "None".into()
                        } else {
                            m.leads.clone()
                        }),
                    ]
                })
                .collect(),
        );
    }

    d.h(2, "4.2 Whole of society");
    if g.society.is_empty() {
        d.todo("No partner outside government is yet recorded. Paragraph 44 of the Compact names migrants, diasporas, local communities, civil society, academia, the private sector, parliamentarians, trade unions, national human rights institutions and the media among the stakeholders to involve; the drafting team should engage them before the draft is finalised.");
    } else {
        d.p("The following partners outside government take part in the plan, grouped by kind.");
        let rows = g
            .society
            .iter()
            .flat_map(|group| {
                group.members.iter().map(move |m| {
                    vec![
                        c(group.kind),
                        c(m.name.clone()),
                        c(m.engagement),
                        or(&m.role, "To be specified"),
                    ]
                })
            })
            .collect();
        d.table(&["Group", "Partner", "Engagement", "Role"], rows);
    }

    d.h(2, "4.3 From local to global");
    match &g.local_coordination {
        Some(text) => {
            d.p(text.clone());
            if !g.has_local_authorities {
                d.todo("No local or regional authority is yet listed among the partners in section 4.2.");
            }
        }
        None if g.has_local_authorities => d.todo("Local or regional authorities are listed among the partners in section 4.2, but the arrangements for coordinating with them are still to be described."),
        None => d.todo("Local and regional authorities are not yet involved in the preparation or implementation of the plan, and no arrangement for coordination at local level has been described. Participants at the 2019 GFMD workshop stressed that cities and regions carry much of the implementation and need the support and resources of the State to do so."),
    }
    d.p("At the regional and global levels, the plan relies on the partnerships set out in section 7 and on the review commitments set out in section 9.");
}

fn instrument_rows(list: &[crate::plan::InstrumentView]) -> Vec<Vec<Cell>> {
    list.iter()
        .map(|i| {
            vec![
                c(i.title.clone()),
                c(i.kind),
                c(i.year.map_or("—".into(), |y| y.to_string())),
                c(i.status),
                dash(&i.objectives),
                dash(&i.actions),
            ]
        })
        .collect()
}

fn inventory(d: &mut Doc, plan: &Plan) {
    d.h(
        1,
        "5. Existing instruments mapped against the 23 objectives",
    );
    d.h(2, "5.1 Inventory of existing instruments");
    if plan.instruments.is_empty() {
        d.todo("No existing instrument has yet been recorded, so every objective appears as a gap in the table below. The drafting team should complete the inventory of laws, policies, agreements and programmes before the draft is finalised.");
    } else {
        d.p(format!(
            "The inventory records {}, with the GCM objectives and actions each one serves.",
            plural(plan.instruments.len(), "instrument")
        ));
        d.table(
            &[
                "Instrument",
                "Kind",
                "Year",
                "Status",
                "Objectives",
                "GCM actions",
            ],
            instrument_rows(&plan.instruments),
        );
    }
    d.h(2, "5.2 Coverage of the 23 objectives");
    d.p("An objective is shown as covered when the instruments in force, including those under review, together serve at least half of its actions; as partial when they serve some of it but less than that; and as a gap when no instrument in force serves it. Draft and planned instruments are listed as pending and do not count until they take effect; lapsed instruments are not counted.");
    d.table(
        &[
            "#",
            "Objective",
            "Priority",
            "Coverage",
            "Actions served",
            "Instruments in force",
            "Pending",
        ],
        plan.matrix
            .iter()
            .map(|m| {
                vec![
                    c(m.number.to_string()),
                    c(m.label.clone()),
                    c(m.priority),
                    shaded(m.status, m.status_key),
                    c(m.actions_served.clone()),
                    c(if m.instruments.is_empty() {
                        "None".into()
                    } else {
                        m.instruments.clone()
                    }),
                    dash(&m.pending),
                ]
            })
            .collect(),
    );
}

fn objectives(d: &mut Doc, plan: &Plan) {
    if plan.is_business_as_usual {
        d.h(1, "6. Objectives and measures");
        d.p("Under the business-as-usual approach this plan takes no new measures. It records the instruments that already exist (section 5) and leaves the coverage of each objective as it stands.");
        let n = plan.left_undone.len();
        if n > 0 {
            d.p(format!("The {} below {} no instrument in force or only partial coverage, and nothing in this plan addresses {}. This is what the plan leaves undone.", plural(n, "objective"), if n == 1 { "has" } else { "have" }, if n == 1 { "it" } else { "them" }));
            d.table(
                &["#", "Objective", "Title", "Current coverage"],
                plan.left_undone
                    .iter()
                    .map(|o| {
                        vec![
                            c(o.number.to_string()),
                            c(o.label.clone()),
                            c(o.title.clone()),
                            c(o.status),
                        ]
                    })
                    .collect(),
            );
        } else {
            d.p("Every objective is already covered by instruments in force, so no objective is left with a gap or partial coverage.");
        }
        d.p("As noted in section 2.4, the States taking part in the 2019 GFMD workshop agreed that business as usual was not an option. Annex C compares this plan with those the selective and the systemic and robust approaches would produce from the same answers.");
        return;
    }
    d.h(
        1,
        if plan.is_systemic {
            "6. Objectives and measures"
        } else {
            "6. Priority objectives and measures"
        },
    );
    let lead = if plan.is_systemic {
        "Under the systemic and robust approach the plan addresses all 23 objectives of the Compact.".to_string()
    } else {
        format!(
            "Under the selective approach the plan concentrates on {}, chosen to match the Government's existing priorities and strategies.",
            plural(plan.summary.objectives_in_plan, "objective")
        )
    };
    d.p(format!("{lead} For each objective the entry records the priority the Government gives it, its current coverage by existing instruments, the paragraph of the Compact that sets out the commitment, the instruments in force, and the GCM actions the Government has adopted, followed by the new measures planned for {}. A measure that serves several objectives is set out once, under the first of them that this plan takes up, and the other objectives point to it. SDG targets marked \"(default links)\" are those linked to the measure's objectives in gcmplan's reference data; the Government has not yet chosen its own.", plan.period));
    for o in &plan.objectives {
        objective(d, plan, o);
    }
    if plan.is_selective {
        d.h(2, "Objectives outside the scope of this plan");
        let n = plan.left_undone.len();
        if n == 0 {
            d.p("Every objective outside the scope of this plan is already covered by instruments in force.");
        } else {
            let one = n == 1;
            d.p(format!(
                "{} outside the scope of this plan: {}. {} present coverage is shown in section 5.2. {} will be considered at the next review of the plan.",
                if one {
                    "One objective that instruments in force do not fully cover falls"
                } else {
                    "The following objectives, which instruments in force do not fully cover, fall"
                },
                numbered(plan.left_undone.iter().map(|o| (o.number, o.label.as_str()))),
                if one { "Its" } else { "Their" },
                if one { "It" } else { "They" }
            ));
        }
    }
}

fn objective(d: &mut Doc, plan: &Plan, o: &ObjectiveSection) {
    d.h(2, format!("Objective {}: {}", o.number, o.title));
    d.blocks.push(Block::Para(vec![t(format!(
        "Priority: {}. Current coverage: {}. GCM paragraph: {}.",
        o.priority, o.coverage, o.paragraph
    ))]));
    if o.instruments.is_empty() {
        d.p("Instruments in force: none recorded.");
    } else {
        d.p(format!("Instruments in force: {}.", o.instruments));
    }
    if o.adopted_actions.is_empty() {
        d.p("No GCM action has yet been adopted for this objective.");
    } else {
        d.p("GCM actions adopted:");
        d.bullets(
            o.adopted_actions
                .iter()
                .map(|a| format!("{}: {}", a.id, a.title))
                .collect(),
        );
    }
    if let Some(n) = &o.notes {
        d.p(format!("Notes: {n}"));
    }
    if !o.contributing_measures.is_empty() {
        let list: Vec<String> = o
            .contributing_measures
            .iter()
            .map(|m| format!("measure {} ({})", m.id, m.title))
            .collect();
        d.p(format!(
            "Also served by {}, set out under {}.",
            join_and(&list),
            if list.len() == 1 {
                "another objective"
            } else {
                "other objectives"
            }
        ));
    }
    if !o.measures.is_empty() {
        for m in &o.measures {
            measure(d, m);
        }
    } else if o.contributing_measures.is_empty() {
        if plan.is_systemic {
            let how = if o.instruments.is_empty() {
                "No instrument in force serves it yet"
            } else {
                "The objective is addressed through the existing instruments listed above"
            };
            let when = plan
                .monitoring
                .midterm_review
                .map(|y| format!(" in {y}"))
                .unwrap_or_default();
            d.p(format!("No new measure is listed under this objective for {}. {how}; it will be revisited at the mid-term review{when}.", plan.period));
        } else {
            let more = if o.instruments.is_empty() {
                ""
            } else {
                " The existing instruments listed above continue to apply."
            };
            d.p(format!(
                "No new measure is listed under this objective for {}.{more}",
                plan.period
            ));
        }
    }
}

fn measure(d: &mut Doc, m: &MeasureView) {
    d.h(3, format!("{}: {}", m.id, m.title));
    let mut rows: Vec<(String, Cell)> = Vec::new();
    let mut row = |label: &str, cell: Cell| rows.push((label.to_string(), cell));
    if let Some(x) = &m.description {
        row("Description", c(x.clone()));
    }
    if !m.actions.is_empty() {
        let list: Vec<String> = m
            .actions
            .iter()
            .map(|a| format!("{} — {}", a.id, a.title))
            .collect();
        row("GCM actions", c(list.join("; ")));
    }
    if let Some(x) = &m.also_serves {
        row("Also serves objectives", c(x.clone()));
    }
    row("Lead", or_todo(&m.lead, "To be determined"));
    if let Some(x) = &m.partners {
        row("Partners", c(x.clone()));
    }
    if let Some(x) = &m.timeline {
        row("Timeline", c(x.clone()));
    }
    match &m.indicator {
        Some(i) => {
            row("Indicator", c(i.text.clone()));
            row("Baseline", or(&i.baseline, "To be set"));
            row("Target", or(&i.target, "To be set"));
            row("Source of verification", or(&i.source, "To be set"));
        }
        None => row("Indicator", shaded("To be determined", "todo")),
    }
    row("Budget", or_todo(&m.budget, "To be determined"));
    if !m.sdg_targets.is_empty() {
        let mut text = m.sdg_targets.clone();
        if m.sdg_default {
            text.push_str(" (default links)");
        }
        row("SDG targets", c(text));
    }
    if let Some(x) = &m.ndp_pillar {
        row("Development plan pillar", c(x.clone()));
    }
    if let Some(x) = &m.builds_on {
        row("Builds on", c(x.clone()));
    }
    d.blocks.push(Block::Fields(rows));
}

fn partnerships(d: &mut Doc, plan: &Plan) {
    let p = &plan.partnerships;
    d.h(1, "7. Partnerships and international cooperation");
    d.p("No State can address migration on its own (paragraph 15 (b)). This section lists the agreements the Government relies on, its international partners, and the measures of this plan that strengthen international cooperation.");
    d.h(2, "7.1 Agreements");
    if p.agreements.is_empty() {
        d.p("No bilateral or regional agreement or memorandum of understanding is recorded in the inventory.");
    } else {
        d.table(
            &[
                "Agreement",
                "Kind",
                "Year",
                "Status",
                "Objectives",
                "GCM actions",
            ],
            instrument_rows(&p.agreements),
        );
    }
    d.h(2, "7.2 International partners");
    if p.partners.is_empty() {
        d.p("No international organisation, partner state or regional body is yet recorded as a partner in the plan.");
    } else {
        d.table(
            &["Partner", "Kind", "Engagement", "Role"],
            p.partners
                .iter()
                .map(|s| {
                    vec![
                        c(s.name.clone()),
                        c(s.kind),
                        c(s.engagement),
                        or(&s.role, "To be specified"),
                    ]
                })
                .collect(),
        );
    }
    d.h(2, "7.3 Objective 23 and cooperation measures");
    match &p.objective_23 {
        Some(o) => d.p(format!("Objective 23, \"{}\", is within the scope of this plan. Its current coverage by instruments in force: {}.", o.title, o.status)),
        None => {
            if let Some(m) = plan.matrix.iter().find(|m| m.number == 23) {
                d.p(format!("Objective 23, \"{}\", is not within the scope of this {}plan. Its current coverage by instruments in force: {}.", m.title, if plan.file_approach.is_some() { "version of the " } else { "" }, m.status));
            }
        }
    }
    if p.cooperation_measures.is_empty() {
        d.p(if plan.is_business_as_usual {
            "The plan takes no new measures, so none serves objective 23."
        } else {
            "No measure in this plan serves objective 23 directly."
        });
    } else {
        d.p(format!(
            "The following {} objective 23:",
            if p.cooperation_measures.len() == 1 {
                "measure serves"
            } else {
                "measures serve"
            }
        ));
        d.bullets(
            p.cooperation_measures
                .iter()
                .map(|m| format!("{}: {}", m.id, m.title))
                .collect(),
        );
    }
}

fn resources(d: &mut Doc, plan: &Plan) {
    let r = &plan.resources;
    d.h(1, "8. Resources and capacity building");
    if plan.is_business_as_usual {
        let mut text = "The plan takes no new measures and therefore carries no budget of its own. The existing instruments are financed under their own arrangements.".to_string();
        if r.summary.is_some() {
            text.push_str(" The answers file describes the financing of the plan as follows.");
        }
        d.p(text);
        if let Some(s) = &r.summary {
            d.p(s.clone());
        }
    } else {
        match &r.summary {
            Some(s) => d.p(s.clone()),
            None => d.todo("How the plan is to be financed is still to be described."),
        }
        d.h(2, "8.1 Budget by source");
        if r.budget_by_source.is_empty() {
            d.p("No measure has been costed yet.");
        } else {
            d.table(
                &["Source of funding", "Amount", "Measures"],
                r.budget_by_source
                    .iter()
                    .map(|l| {
                        vec![
                            c(l.source.clone()),
                            c(l.amount.clone()),
                            c(l.measures.to_string()),
                        ]
                    })
                    .collect(),
            );
            d.p(format!("Total of the costed measures: {}. Amounts are as recorded in the answers file and have not been verified against budget documents.", join_and(&plan.summary.budget)));
        }
        d.h(2, "8.2 Measures without confirmed funding");
        if r.unfunded.is_empty() {
            d.p("Every measure in this plan has a budget amount and a funding source.");
        } else {
            d.p(format!(
                "The following {} no confirmed budget amount and funding source:",
                if r.unfunded.len() == 1 {
                    "measure has"
                } else {
                    "measures have"
                }
            ));
            d.bullets(
                r.unfunded
                    .iter()
                    .map(|m| format!("{}: {}", m.id, m.title))
                    .collect(),
            );
        }
    }
    d.h(
        2,
        if plan.is_business_as_usual {
            "8.1 Capacity and support needs"
        } else {
            "8.3 Capacity and support needs"
        },
    );
    if r.needs.is_empty() {
        d.p("No capacity or support need has yet been identified. Naming the technical, financial, data and training needs of the plan allows partners such as the United Nations Network on Migration and the Migration Multi-Partner Trust Fund to respond.");
    } else {
        d.table(
            &[
                "Need",
                "Kind",
                "Objectives",
                "Support requested",
                "Requested from",
            ],
            r.needs
                .iter()
                .map(|n| {
                    vec![
                        c(n.title.clone()),
                        c(n.kind),
                        dash(&n.objectives),
                        or(&n.support_requested, "To be specified"),
                        or(&n.requested_from, "To be specified"),
                    ]
                })
                .collect(),
        );
    }
}

fn monitoring(d: &mut Doc, plan: &Plan) {
    let m = &plan.monitoring;
    d.h(1, "9. Monitoring, evaluation and review");
    d.p("The Compact is followed up and reviewed at global level by the International Migration Review Forum, held every four years from 2022 (paragraph 49), and at regional level in the years between Forums, from 2020 (paragraph 50). Paragraph 53 encourages regular and inclusive reviews at national level. This section sets out how the Government will follow this plan and take part in that cycle.");
    d.h(2, "9.1 Arrangements");
    let year = |y: Option<i64>| y.map_or("not yet scheduled".to_string(), |y| y.to_string());
    d.bullets(vec![
        format!(
            "Lead for monitoring and reporting: {}",
            m.lead.as_deref().unwrap_or("to be designated")
        ),
        format!(
            "Progress reports: {}",
            m.progress_reports
                .as_deref()
                .unwrap_or("frequency to be decided")
        ),
        format!("Mid-term review: {}", year(m.midterm_review)),
        format!("Final evaluation: {}", year(m.final_evaluation)),
        format!(
            "Regional reviews: {}",
            if m.regional_reporting {
                "the Government will submit a voluntary national review and take part in the regional review"
            } else {
                "no voluntary reporting is committed yet"
            }
        ),
        format!(
            "International Migration Review Forum: {}",
            if m.imrf_reporting {
                "the Government will report national progress to the Forum"
            } else {
                "no national reporting is committed yet"
            }
        ),
    ]);
    match &m.me_framework {
        Some(x) => d.p(x.clone()),
        None => d.todo("The monitoring and evaluation framework is still to be written. It should state who collects which data and how often, who validates them, and who reports to whom."),
    }
    d.h(2, "9.2 Review calendar");
    if m.calendar.is_empty() {
        d.p("No review milestone falls within the period of the plan.");
    } else {
        d.table(
            &["Year", "Milestone", "What the Government does"],
            m.calendar
                .iter()
                .map(|e| {
                    vec![
                        c(e.year.to_string()),
                        c(e.title.clone()),
                        c(e.action.clone()),
                    ]
                })
                .collect(),
        );
    }
    d.h(2, "9.3 Indicators");
    if m.indicators.is_empty() {
        d.p(if plan.is_business_as_usual {
            "The plan takes no new measures and therefore sets no indicators."
        } else {
            "No measure has an indicator yet."
        });
    } else {
        d.table(
            &["Measure", "Indicator", "Baseline", "Target", "Source"],
            m.indicators
                .iter()
                .map(|i| {
                    vec![
                        c(i.measure.clone()),
                        c(i.indicator.clone()),
                        c(i.baseline.clone()),
                        c(i.target.clone()),
                        c(i.source.clone()),
                    ]
                })
                .collect(),
        );
    }
    d.h(2, "9.4 SDG targets served");
    if plan.sdg_targets.is_empty() {
        d.p(if plan.is_business_as_usual {
            "The plan takes no new measures, so no SDG target is linked to it."
        } else {
            "No SDG target is linked to the measures of this plan yet."
        });
    } else {
        d.p("The measures of this plan contribute to the following targets of the Sustainable Development Goals.");
        d.table(
            &["SDG target", "Measures"],
            plan.sdg_targets
                .iter()
                .map(|s| vec![c(s.target.clone()), c(s.measures.clone())])
                .collect(),
        );
    }
}

fn annexes(d: &mut Doc, plan: &Plan) {
    let a = &plan.annex;
    let version_of = if plan.file_approach.is_some() {
        "version of the "
    } else {
        ""
    };

    d.h(1, "Annex A. Gap analysis");
    if a.gaps.is_empty() {
        d.p(
            "Instruments in force cover every one of the 23 objectives; there is no gap to report.",
        );
    } else {
        d.p(format!("The table lists the objectives that instruments in force do not fully cover, with the priority the Government gives them and whether they fall within the scope of this {version_of}plan."));
        d.table(
            &[
                "#",
                "Objective",
                "Priority",
                "Coverage",
                "Actions served",
                "Pending instruments",
                "Within this plan",
            ],
            a.gaps
                .iter()
                .map(|m| {
                    vec![
                        c(m.number.to_string()),
                        c(m.label.clone()),
                        c(m.priority),
                        shaded(m.status, m.status_key),
                        c(m.actions_served.clone()),
                        dash(&m.pending),
                        yes_no(m.in_plan),
                    ]
                })
                .collect(),
        );
    }

    d.h(1, "Annex B. Peer practices");
    const WORKSHOP: &str = "the GFMD thematic workshop on the national implementation of the Global Compact for Migration (Geneva, 21-22 March 2019)";
    if a.practices.is_empty() {
        if plan.is_business_as_usual {
            d.p(format!(
                "The plan takes up no objective, so no practice from {WORKSHOP} is listed."
            ));
        } else {
            d.p(format!(
                "None of the practices presented at {WORKSHOP} relates to the objectives of this plan."
            ));
        }
    } else {
        let focus = if plan.is_systemic && !plan.summary.high_priorities.is_empty() {
            "for the objectives to which the Government gives high priority"
        } else {
            "for the objectives of this plan"
        };
        d.p(format!("The practices below were presented by States and other participants at {WORKSHOP}. They are grouped by objective, {focus}. The summaries are paraphrased and describe the practices as reported at the workshop; they have not been updated since."));
        for g in &a.practices {
            d.h(2, format!("Objective {}: {}", g.number, g.label));
            d.blocks.push(Block::Bullets(
                g.practices
                    .iter()
                    .map(|p| {
                        vec![
                            b(p.title.clone()),
                            t(format!(" ({}). {}", p.actors, p.summary)),
                        ]
                    })
                    .collect(),
            ));
        }
    }

    d.h(1, "Annex C. The three approaches compared");
    d.p("The three approaches described at the 2019 GFMD workshop are applied below to the same answers, so that their results can be compared.");
    d.table(
        &[
            "Approach",
            "Objectives in the plan",
            "Measures",
            "Uncovered objectives left undone",
            "Applied in this document",
            "Recommended",
        ],
        a.approaches
            .iter()
            .map(|x| {
                vec![
                    c(x.name),
                    c(x.objectives.to_string()),
                    c(x.measures.to_string()),
                    c(x.left_undone.to_string()),
                    yes_no(x.chosen),
                    yes_no(x.recommended),
                ]
            })
            .collect(),
    );
    d.bullets(
        a.approaches
            .iter()
            .map(|x| format!("{} — {}.", x.name, x.description))
            .collect(),
    );
    d.h(2, "Readiness for a systemic and robust plan");
    d.p("Five signals show whether the conditions for a systemic and robust plan are in place. When four or five are present, a systemic and robust plan is recommended; with fewer, a selective plan is recommended, one that can start at once while the missing elements are built. Business as usual is never recommended.");
    d.table(
        &["Signal", "Status", "Detail"],
        a.readiness
            .iter()
            .map(|s| {
                vec![
                    c(s.name),
                    if s.present {
                        shaded("In place", "covered")
                    } else {
                        shaded("To build", "partial")
                    },
                    c(s.detail.clone()),
                ]
            })
            .collect(),
    );
    d.p(format!("Readiness score: {} of 5.", a.readiness_score));
    if a.reasons.is_empty() {
        d.p(format!("Recommended approach: {}.", a.recommended));
    } else {
        d.p(format!(
            "Recommended approach: {}, for the following {}:",
            a.recommended,
            if a.reasons.len() == 1 {
                "reason"
            } else {
                "reasons"
            }
        ));
        d.bullets(a.reasons.clone());
    }
    match &plan.file_approach {
        Some(f) => d.p(format!(
            "This version applies the {} approach for comparison{}. The answers file chooses the {} approach{}.",
            plan.approach.phrase,
            if plan.summary.follows_recommendation { ", which is the one recommended" } else { "" },
            f.phrase,
            if plan.summary.file_follows_recommendation { ", which is the one recommended" } else { "" }
        )),
        None if plan.summary.follows_recommendation => d.p("The plan follows the recommendation."),
        None => d.p(format!("The plan applies the {} approach, which differs from the recommendation; the drafting team may wish to record why.", plan.approach.phrase)),
    }

    d.h(1, "Annex D. Points for the drafting team");
    d.blocks.push(Block::Note(vec![b(
        "This annex is a working aid for the drafting team. It is to be removed before the plan is submitted for adoption.",
    )]));
    if plan.findings.is_empty() {
        d.p("The checks run on the answers file raised no points.");
    } else {
        d.p(format!("The checks run on the answers file raised the following {}. Each is linked to one of the lessons drawn from the 2019 GFMD workshop.", plural(plan.findings.len(), "point")));
        d.table(
            &["Lesson", "Point to address"],
            plan.findings
                .iter()
                .map(|f| vec![c(f.lesson), c(f.message.clone())])
                .collect(),
        );
    }
}
