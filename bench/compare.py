#!/usr/bin/env python3
"""Compare `kaohe eval` with the hand-written baseline on generated data.

usage: python3 bench/compare.py [N ...] [--runs R] [--seed S] [--full-json]

For each N (default: 100000 1000000) this generates N units with
../shared/bench/gen.py (cached under target/bench-data/), builds kaohe and the
baseline in release mode, then runs them alternately R times (default 5) on the
same file: kaohe writes one summary line per unit (`--format jsonl`), the
baseline its own JSON lines. It checks that both give every unit the same total,
rank, veto, 先进, 诫勉 and 问责审查, and prints the medians of wall time and peak
memory (max RSS of each process) and their ratios, kaohe / baseline.

With --full-json it also times one `kaohe eval --format json` run (every
explanation, streamed) and reports its time and peak memory.

Absolute times drift on a shared machine; the ratio of alternating runs is the
figure to quote (docs/performance.md).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))
DATA = os.path.join(ROOT, "target", "bench-data")
POLICY = os.path.join(ROOT, "bench", "shaoxing-2019-open.kh")
KAOHE = os.path.join(ROOT, "target", "release", "kaohe")
BASELINE_DIR = os.path.join(ROOT, "target", "bench-baseline")
BASELINE = os.path.join(BASELINE_DIR, "target", "release", "peer-baseline")


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    if not os.path.exists(BASELINE):
        if os.path.exists(BASELINE_DIR):
            shutil.rmtree(BASELINE_DIR)
        shutil.copytree(os.path.join(SHARED, "baseline-rust"), BASELINE_DIR)
        for d, _, files in os.walk(BASELINE_DIR):
            os.chmod(d, 0o755)
            for f in files:
                os.chmod(os.path.join(d, f), 0o644)
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=BASELINE_DIR, check=True)


def data(n, seed):
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, f"units-{n}-{seed}.json")
    if not os.path.exists(path):
        tmp = path + ".tmp"
        with open(tmp, "wb") as out:
            subprocess.run([sys.executable, os.path.join(SHARED, "gen.py"), str(n), str(seed)], stdout=out, check=True)
        os.rename(tmp, path)
    return path


def run(cmd, out_path):
    """Wall seconds and peak RSS (MiB) of one process, output to a file."""
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024.0


def same_rulings(kaohe_out, baseline_out):
    base = {}
    with open(baseline_out, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line, parse_float=Decimal)
            base[d["unit"]] = (Decimal(str(d["total"])), d["rank"], d["vetoed"], d["先进"], d["诫勉"], d["问责审查"])
    count = 0
    with open(kaohe_out, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            mine = (Decimal(d["total"]), d["rank"], d["vetoed"], d["awards"]["先进"], d["outcomes"]["诫勉"], d["outcomes"]["问责审查"])
            if base.get(d["unit"]) != mine:
                sys.exit(f"rulings differ for {d['unit']}: baseline {base.get(d['unit'])}, kaohe {mine}")
            count += 1
    if count != len(base):
        sys.exit(f"kaohe wrote {count} units, the baseline {len(base)}")


def main():
    args = sys.argv[1:]
    runs, seed, full = 5, 42, False
    sizes = []
    i = 0
    while i < len(args):
        if args[i] == "--runs":
            runs, i = int(args[i + 1]), i + 2
        elif args[i] == "--seed":
            seed, i = int(args[i + 1]), i + 2
        elif args[i] == "--full-json":
            full, i = True, i + 1
        else:
            sizes.append(int(args[i]))
            i += 1
    sizes = sizes or [100000, 1000000]
    build()
    print(f"{'units':>9}  {'kaohe s':>8}  {'base s':>8}  {'ratio':>6}  {'kaohe MiB':>9}  {'base MiB':>8}  {'ratio':>6}")
    for n in sizes:
        path = data(n, seed)
        k_out = os.path.join(DATA, f"kaohe-{n}.jsonl")
        b_out = os.path.join(DATA, f"base-{n}.jsonl")
        kt, km, bt, bm = [], [], [], []
        for _ in range(runs):
            t, m = run([KAOHE, "eval", POLICY, path, "--format", "jsonl"], k_out)
            kt.append(t)
            km.append(m)
            t, m = run([BASELINE, path], b_out)
            bt.append(t)
            bm.append(m)
        same_rulings(k_out, b_out)
        k, b = statistics.median(kt), statistics.median(bt)
        mk, mb = statistics.median(km), statistics.median(bm)
        print(f"{n:>9}  {k:>8.3f}  {b:>8.3f}  {k / b:>6.2f}  {mk:>9.0f}  {mb:>8.0f}  {mk / mb:>6.2f}")
        if full:
            t, m = run([KAOHE, "eval", POLICY, path, "--format", "json"], os.path.join(DATA, f"kaohe-{n}.json"))
            print(f"{'':>9}  full JSON with explanations: {t:.3f} s, {m:.0f} MiB")
    print(f"(medians of {runs} alternating runs; rulings identical for every unit)")


if __name__ == "__main__":
    main()
