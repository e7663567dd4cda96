#!/usr/bin/env python3
"""Reference values for Retort's paired tests (retort-core PairedTestScipyTest).

Usage: scipy_significance.py VECTORS.json > scipy-golden.json

VECTORS.json: {"cases": [{"name": .., "x": [..], "y": [..]}, ..]}. For every case it prints scipy's paired
t-test (ttest_rel) and Wilcoxon signed-rank test (zero_method="wilcox", correction=False; method "exact"
below 50 non-zero differences without ties, else "asymptotic", as Retort chooses), and the effect sizes
Retort reports: Cohen's d_z and the matched-pairs rank-biserial correlation. Floats are printed with repr,
so they read back exactly.
"""
import json
import sys

import numpy as np
import scipy
import scipy.stats as st


def case(c):
    x = np.array(c["x"], dtype=float)
    y = np.array(c["y"], dtype=float)
    d = x - y
    t = st.ttest_rel(x, y)
    nz = d[d != 0]
    ties = len(np.unique(np.abs(nz))) < len(nz)
    method = "exact" if len(nz) < 50 and not ties else "asymptotic"
    w = st.wilcoxon(x, y, zero_method="wilcox", correction=False, method=method)
    ranks = st.rankdata(np.abs(nz))
    plus = float(ranks[nz > 0].sum())
    minus = float(ranks[nz < 0].sum())
    return {
        "name": c["name"],
        "ttest": {"statistic": float(t.statistic), "p": float(t.pvalue),
                  "effect": float(d.mean() / d.std(ddof=1))},
        "wilcoxon": {"method": method, "statistic": plus, "p": float(w.pvalue),
                     "effect": (plus - minus) / (plus + minus)},
    }


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)["cases"]
    out = {"scipy": scipy.__version__, "cases": [case(c) for c in cases]}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
