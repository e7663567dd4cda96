#!/usr/bin/python3
"""Peer for the PostgreSQL throughput figure: Optuna's RDB storage on the same server, N processes, trivial objective.

Usage: bench/optuna_peer.py URL PROCESSES TRIALS
  URL        SQLAlchemy URL, e.g. postgresql+psycopg2://retort@127.0.0.1:5432/bench
  PROCESSES  worker processes, each running study.optimize on the shared study (8 for the issue's figure)
  TRIALS     trials in all, split evenly across the processes

Prints one SUMMARY line like the Java benches: trials/s from the first process start to the last exit.
Uses Debian's python3-optuna (3.1) and python3-psycopg2; run it with /usr/bin/python3.
"""
import multiprocessing
import os
import sys
import time

import optuna


def work(url, name, n):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.load_study(study_name=name, storage=url)
    study.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=n)


def main():
    url, procs, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    name = "peer-%d-%d" % (os.getpid(), int(time.time()))
    optuna.create_study(study_name=name, storage=url, direction="minimize")
    per = [total // procs + (1 if i < total % procs else 0) for i in range(procs)]
    ctx = multiprocessing.get_context("spawn")
    t0 = time.perf_counter()
    ps = [ctx.Process(target=work, args=(url, name, n)) for n in per]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    wall = time.perf_counter() - t0
    bad = [p.exitcode for p in ps if p.exitcode != 0]
    if bad:
        sys.exit("optuna peer: %d of %d processes failed (exit codes %s)" % (len(bad), procs, bad))
    done = len(optuna.load_study(study_name=name, storage=url).get_trials(deepcopy=False,
                                                                          states=(optuna.trial.TrialState.COMPLETE,)))
    if done != total:
        sys.exit("optuna peer: %d trials COMPLETE, expected %d" % (done, total))
    load = os.getloadavg()[0]
    print("optuna %s RDB storage, %d processes, %d trials: wall %.2f s, %.0f trials/s, load %.2f"
          % (optuna.__version__, procs, total, wall, total / wall, load))
    print("SUMMARY|optuna RDB storage on the same PostgreSQL, %d processes (peer)|%.0f trials/s|-|-|1.00|%.2f"
          % (procs, total / wall, load))


if __name__ == "__main__":
    main()
