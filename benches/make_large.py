#!/usr/bin/env python3
"""Writes the benchmark answers files: a full 23-objective plan with many
measures. Deterministic, so the files can be regenerated and compared.

    python3 benches/make_large.py 120 > benches/large-answers.toml
"""
import sys

COUNTS = [11, 12, 5, 7, 10, 12, 12, 6, 6, 10, 7, 5, 8, 6, 6, 9, 7, 12, 10, 9, 9, 3, 5]
KINDS = ["civil-society", "migrant-organisation", "diaspora", "private-sector", "employers",
         "trade-union", "academia", "local-authority", "regional-authority", "parliament",
         "nhri", "media", "international-organisation", "partner-state", "regional-body"]
PRIORITIES = ["high", "medium", "low", "high", "medium"]
PRINCIPLES = ["people-centred", "international-cooperation", "national-sovereignty", "rule-of-law",
              "sustainable-development", "human-rights", "gender-responsive", "child-sensitive",
              "whole-of-government", "whole-of-society"]


def action(obj, k):
    return f"{obj}{chr(ord('a') + k % COUNTS[obj - 1])}"


def main(n_measures, revision=1, seed=0):
    out = []
    w = out.append
    w("# Benchmark answers: a large, synthetic plan. Not a real state's answers.")
    w("format = 1\n")
    w(f"[revision]\nnumber = {revision}\ndate = \"2026-0{1 + revision % 9}-15\"\nnote = \"Synthetic revision {revision}\"\n")
    w('[state]\nname = "Benchmarkia"\niso_code = "BMK"\nlead_agency = "Ministry of Migration"')
    w('migration_profile = ["origin", "transit", "destination", "return"]')
    w('context = """A synthetic state used to measure gcmplan on a plan of realistic size."""\n')
    w('[plan]\nstart_year = 2026\nend_year = 2030\napproach = "systemic"\nroute = "dedicated"')
    w('rationale = "All objectives, four-year review cycle."\n')
    w('[development_plan]\nname = "National Development Plan 2026-2030"\nstart_year = 2026\nend_year = 2030')
    for p in range(6):
        w(f'[[development_plan.pillars]]\nid = "p{p}"\nname = "Pillar {p}: shared prosperity and rights"')
    w("")
    for i in range(40):
        obj = i % 23 + 1
        w(f'[[instruments]]\nid = "inst-{i}"\ntitle = "Instrument {i} on objective {obj}"\nkind = "law"\nyear = {2000 + i % 25}')
        w(f'status = "{"in-force" if i % 7 else "draft"}"\nobjectives = [{obj}]\nactions = ["{action(obj, i)}", "{action(obj, i + 1)}", "{action(obj, i + 2)}"]\n')
    for obj in range(1, 24):
        acts = ", ".join(f'"{action(obj, k)}"' for k in range(3))
        w(f'[objectives.{obj}]\npriority = "{PRIORITIES[(obj + seed) % 5]}"\nactions = [{acts}]\nnotes = "National situation for objective {obj}."\n')
    w('[governance.coordination]\nname = "National Coordination Mechanism"\nchair = "min-0"\nestablished = 2020\nmeets = "quarterly"\n')
    for i in range(12):
        w(f'[[governance.ministries]]\nid = "min-{i}"\nname = "Ministry {i}"\nrole = "Leads measures in its field"\n')
    for i, kind in enumerate(KINDS * 2):
        w(f'[[stakeholders]]\nid = "sh-{i}"\nname = "Stakeholder {i}"\nkind = "{kind}"\nengagement = "consulted"\nrole = "Takes part in drafting"\n')
    for i in range(n_measures):
        obj = (i + seed) % 23 + 1
        union = ', "sh-5"' if obj == 6 else ""
        title = f"Measure {i} on objective {obj}" + (" (revised)" if seed and i % 10 == 0 else "")
        w(f'[[measures]]\nid = "m-{i}"\ntitle = "{title}"')
        w(f'description = "Delivers actions of objective {obj} with partners across government and society."')
        w(f'actions = ["{action(obj, i)}", "{action(obj, i + 1)}"]\nlead = "min-{i % 12}"\npartners = ["min-{(i + 1) % 12}", "sh-{i % 30}"{union}]')
        w(f'start = {2026 + i % 3}\nend = {2028 + i % 3}\nndp_pillar = "p{i % 6}"\nbuilds_on = ["inst-{i % 40}"]')
        w(f'indicator = {{ text = "Indicator {i}", baseline = "{i} (2025)", target = "{2 * i} by 2030", source = "Administrative data" }}')
        w(f'budget = {{ amount = {100000 + 1000 * i}, currency = "USD", source = "National budget" }}\n')
    for p in PRINCIPLES:
        w(f'[principles]\n{p} = "The state upholds this principle in every measure."\n' if p == PRINCIPLES[0] else f'{p} = "The state upholds this principle in every measure."')
    w("")
    w('[resources]\nsummary = "National budget with partner support."')
    for i in range(5):
        w(f'[[resources.needs]]\nid = "need-{i}"\ntitle = "Need {i}"\nkind = "technical"\nobjectives = [{i + 1}]\nsupport_requested = "Technical assistance"\nrequested_from = "UN Network on Migration"\n')
    w('[review]\nlead = "min-0"\nme_framework = "Annual data collection."\nprogress_reports = "annual"\nmidterm_review = 2028\nfinal_evaluation = 2031\nregional_reporting = true\nimrf_reporting = true')
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    rev = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    sys.stdout.write(main(n, rev, seed))
