"""Optuna's TPESampler on the functions of dev.retort.bench.core.TpeQuality, as its peer.

Usage: /usr/bin/python3 bench/tpe_peer.py FUNCTION SEEDS TRIALS [--fixed-logpdf]
Prints one line per seed: "<seed> <best value>". Optuna's defaults (n_startup_trials=10, univariate,
constant_liar off: one worker here); the sampler's seed is the seed.

--fixed-logpdf applies, at run time, the fix Optuna 3.5 made to its truncated normal (optuna/optuna#5109, PR
#5110): Optuna 3.1's _truncnorm.logpdf leaves out -log(scale), so its Parzen densities are not normalised and
wide kernels weigh more. With the fix the peer is the TPE that later Optunas and Retort compute.
"""
import math
import sys

import optuna

ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = [trial.suggest_float("x%d" % j, 0, 1) for j in range(6)]
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))) for i in range(4))


def conditional10(trial):
    f = sum(4 * (trial.suggest_float("x%d" % i, 0, 1) - 0.2 * (i + 1)) ** 2 for i in range(4))
    if trial.suggest_categorical("branch", ["a", "b"]) == "a":
        f += ((trial.suggest_float("a0", -5, 5) - 1) ** 2 + (trial.suggest_float("a1", -5, 5) + 2) ** 2) / 10
        f += (math.log10(trial.suggest_float("a2", 1e-4, 1, log=True)) + 2) ** 2 / 4
        f += abs(trial.suggest_int("a3", 1, 16) - 8) / 8.0
        f += 0 if trial.suggest_categorical("a4", ["relu", "tanh", "sigmoid"]) == "tanh" else 0.5
    else:
        f += 0.3
        f += sum((trial.suggest_float("b%d" % j, 0, 1) - 0.7) ** 2 for j in range(3))
        f += abs(trial.suggest_int("b3", 0, 20) - 5) / 20.0
        f += math.log10(trial.suggest_float("b4", 1e-3, 10, log=True)) ** 2 / 4
    return f


def fix_logpdf():
    import numpy as np
    from optuna.samplers._tpe import _truncnorm
    original = _truncnorm.logpdf

    def logpdf(x, a, b, loc=0, scale=1):
        return original(x, a, b, loc, scale) - np.log(scale)

    _truncnorm.logpdf = logpdf


def main():
    if "--fixed-logpdf" in sys.argv:
        fix_logpdf()
    fn = {"branin": branin, "hartmann6": hartmann6, "conditional10": conditional10}[sys.argv[1]]
    seeds, trials = int(sys.argv[2]), int(sys.argv[3])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for seed in range(seeds):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        study.optimize(fn, n_trials=trials)
        print(seed, repr(study.best_value), flush=True)


if __name__ == "__main__":
    main()
