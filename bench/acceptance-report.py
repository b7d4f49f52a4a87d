#!/usr/bin/env python3
"""Prints the acceptance table: every target of bench/acceptance-targets.tsv against the runs in OUT_DIR.

Usage: acceptance-report.py OUT_DIR TARGETS_TSV SEED. Exit status 0 even when targets are missed: the table
is the result. A metric is read from the run's finalEvaluation (value, 95% interval, examples), the memory
targets from deep-chain.memory.json (tensorloom memory --json).
"""
import json
import os
import sys


def load(out, name):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def seconds(out, name):
    path = os.path.join(out, name + ".time")
    if not os.path.exists(path):
        return None, None
    wall, user, system = open(path).read().split()[:3]
    return float(wall), float(user) + float(system)


def metric(run, name):
    final = run.get("finalEvaluation", {})
    value = final.get(name)
    ci = final.get("ci95", {}).get(name)
    return value, ci, final.get("examples")


def fmt(v, digits=3):
    return "n/a" if v is None else f"{v:.{digits}f}"


def main():
    out, targets, seed = sys.argv[1], sys.argv[2], sys.argv[3]
    print(f"acceptance, seed {seed}")
    with open(os.path.join(out, "machine.txt")) as f:
        for line in f:
            print("  " + line.rstrip())
    print()
    print(f"{'template':22} {'metric':26} {'value':>7} {'95% interval':>15} {'n':>5}  {'target':28} {'result':6}"
          f" {'wall s':>7} {'CPU s':>7} {'thr':>3}")
    missed = 0
    for line in open(targets):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        tid, name, rule, bound = fields[0], fields[1], fields[2], fields[3]
        wall, cpu, threads, interval, n = None, None, None, "", ""
        if name.startswith("memory:"):
            mem = load(out, tid + ".memory")
            ratios = (mem or {}).get("ratios", {})
            value = ratios.get("measured" if rule.startswith("measured") else "time")
            label = f"{name} {'measured peak' if rule.startswith('measured') else 'step time'} ratio"
            ok = value is not None and value <= float(bound)
            target = f"<= {bound}"
        else:
            run = load(out, tid)
            if run is None:
                print(f"{tid:22} {name:26} {'no run (failed or not finished)':>40}")
                missed += 1
                continue
            value, ci, n = metric(run, name)
            interval = f"{fmt(ci['low'])}-{fmt(ci['high'])}" if ci else ""
            n = ci["examples"] if ci else n
            wall, cpu = seconds(out, tid)
            threads = run.get("torchThreads")
            label = name
            if rule in ("beats", "below"):
                other = load(out, bound)
                other_value = metric(other, name)[0] if other else None
                ok = value is not None and other_value is not None and (
                    value > other_value if rule == "beats" else value < other_value)
                target = f"{'>' if rule == 'beats' else '<'} {bound} ({fmt(other_value)})"
            elif rule == "atLeast":
                ok = value is not None and value >= float(bound)
                target = f">= {bound}"
            elif rule == "above":
                ok = value is not None and value > float(bound)
                target = f"> {bound}"
            elif rule == "lossBelow":
                ok = value is not None and value < float(bound)
                target = f"< {bound}"
            else:
                raise SystemExit(f"unknown rule {rule}")
        missed += 0 if ok else 1
        print(f"{tid:22} {label:26} {fmt(value):>7} {interval:>15} {str(n or ''):>5}  {target:28} "
              f"{'met' if ok else 'MISSED':6} {fmt(wall, 0):>7} {fmt(cpu, 0):>7} {str(threads or ''):>3}")
    print()
    print(f"{missed} target(s) missed" if missed else "every target met")
    print()
    print("every run: headline metric of its final evaluation")
    for fname in sorted(os.listdir(out)):
        if not fname.endswith(".json") or fname.endswith(".memory.json"):
            continue
        name = fname[:-5]
        run = load(out, name)
        final = run.get("finalEvaluation", {})
        headline = final.get("headline", "loss")
        value, ci, n = metric(run, headline)
        wall, cpu = seconds(out, name)
        interval = f" (95% {fmt(ci['low'])}-{fmt(ci['high'])}, {ci['examples']} examples)" if ci else ""
        print(f"  {name:22} {headline} {fmt(value)}{interval}; loss {fmt(final.get('loss'), 4)} on "
              f"{final.get('examples')} held-out examples; {run.get('steps')} steps; wall {fmt(wall, 0)} s, "
              f"CPU {fmt(cpu, 0)} s, {run.get('torchThreads')} thread(s)")


if __name__ == "__main__":
    main()
