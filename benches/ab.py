#!/usr/bin/env python3
"""Compare two gcmplan binaries on the benchmark commands, run by run.

    python3 benches/ab.py OLD_BINARY NEW_BINARY [RUNS]

On a shared or virtual machine, the speed of the whole machine drifts by a
quarter or more within minutes, so timing one binary and then the other
compares the two moments as much as the two builds. Here every round runs
each command once with each binary, in turns, and the medians of the rounds
are compared. Each binary writes to its own folder; exit codes are checked
once first (`diff` exits 1 when the files differ).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LARGE = "benches/large-answers.toml"
COMMANDS = [
    ("check", ["check", LARGE], 0),
    ("render Markdown", ["render", LARGE, "-o", "{out}/plan.md", "--force"], 0),
    ("render HTML", ["render", LARGE, "-o", "{out}/plan.html", "--force"], 0),
    ("render JSON", ["render", LARGE, "-o", "{out}/plan.json", "--force"], 0),
    ("diff", ["diff", "benches/diff-old.toml", "benches/diff-new.toml"], 1),
]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    binaries = [os.path.abspath(b) for b in sys.argv[1:3]]
    runs = int(sys.argv[3]) if len(sys.argv) == 4 else 60
    os.chdir(ROOT)
    folders = [tempfile.mkdtemp(prefix="gcmplan-ab-") for _ in binaries]

    def command(b, args):
        return [binaries[b]] + [a.format(out=folders[b]) for a in args]

    for name, args, expected in COMMANDS:
        for b in range(2):
            rc = subprocess.run(command(b, args), capture_output=True).returncode
            if rc != expected:
                sys.exit(f"{binaries[b]}: `{name}` exited {rc}, expected {expected}")

    times = {(name, b): [] for name, _, _ in COMMANDS for b in range(2)}
    for i in range(runs):
        for name, args, _ in COMMANDS:
            # Alternate which binary goes first, so neither always follows
            # the other.
            for b in (0, 1) if i % 2 == 0 else (1, 0):
                start = time.perf_counter()
                subprocess.run(command(b, args), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                times[(name, b)].append(time.perf_counter() - start)

    print(f"median of {runs} rounds, ms (includes starting the process from Python)")
    print(f"{'command':<18}{'old':>8}{'new':>8}{'change':>9}")
    for name, _, _ in COMMANDS:
        old, new = (statistics.median(times[(name, b)]) * 1000 for b in range(2))
        print(f"{name:<18}{old:8.1f}{new:8.1f}{(new - old) / old * 100:+8.1f}%")


if __name__ == "__main__":
    main()
