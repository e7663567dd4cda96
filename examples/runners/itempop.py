#!/usr/bin/env python3
"""Reference client of Retort's runner protocol 1 (docs/runner-protocol.md).

Standard library only. Algorithms: ItemPop (items by number of training users) and ItemKNN (item-item cosine
similarity, k nearest neighbours per item, a user's score for an item is the sum of the similarities of the
neighbours the user has). stdout carries protocol lines only; the log goes to stderr.
"""
import json
import math
import sys
import time

PROTOCOL = 1
ALGORITHMS = {
    "ItemPop": {"params": {}},
    "ItemKNN": {"params": {
        "k": {"type": "int", "default": 50, "min": 1},
        "similarity": {"type": "string", "default": "cosine", "allowed": ["cosine"]},
    }},
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def send(obj):
    sys.stdout.write(json.dumps(obj, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def read_train(path):
    seen = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            u, i, _r = line.rstrip("\n").split("\t")
            seen.setdefault(int(u), set()).add(int(i))
    return seen


class Model:
    def __init__(self, algorithm, config, seen, items):
        self.algorithm, self.seen, self.items = algorithm, seen, items
        counts = [0] * items
        for its in seen.values():
            for i in its:
                counts[i] += 1
        self.popular = sorted(range(items), key=lambda i: (-counts[i], i))
        self.counts = counts
        if algorithm == "ItemKNN":
            self.neighbours = self._knn(int(config["k"]))

    def _knn(self, k):
        co = [dict() for _ in range(self.items)]
        for its in self.seen.values():
            its = sorted(its)
            for a in its:
                row = co[a]
                for b in its:
                    if a != b:
                        row[b] = row.get(b, 0) + 1
        neighbours = []
        for a in range(self.items):
            sims = [(n / math.sqrt(self.counts[a] * self.counts[b]), b) for b, n in co[a].items()]
            sims.sort(key=lambda s: (-s[0], s[1]))
            neighbours.append(sims[:k])
        return neighbours

    def top(self, user, k):
        seen = self.seen.get(user, set())
        if self.algorithm == "ItemPop":
            out = []
            for i in self.popular:
                if i not in seen:
                    out.append((i, float(self.counts[i])))
                    if len(out) == k:
                        break
            return out
        scores = {}
        for j in seen:
            for s, i in self.neighbours[j]:
                if i not in seen:
                    scores[i] = scores.get(i, 0.0) + s
        return sorted(scores.items(), key=lambda e: (-e[1], e[0]))[:k]


def main():
    send({"type": "hello", "protocol": PROTOCOL,
          "framework": {"name": "retort-python-example", "version": "1.0"},
          "algorithms": ALGORITHMS, "reuse": True})
    model = None
    for line in sys.stdin:  # end of stdin: Retort has gone, exit
        msg = json.loads(line)
        kind, rid = msg.get("type"), msg.get("id")
        try:
            if kind == "stop":
                return 0
            if kind == "fit":
                if msg["algorithm"] not in ALGORITHMS:
                    raise ValueError("unknown algorithm " + str(msg["algorithm"]))
                start = time.time()
                model = Model(msg["algorithm"], msg.get("config", {}), read_train(msg["train"]), int(msg["items"]))
                log("fit %s in %.3f s" % (msg["algorithm"], time.time() - start))
                send({"type": "fitted", "id": rid})
            elif kind == "predict":
                if model is None:
                    raise ValueError("predict before fit")
                rows, k = 0, int(msg["k"])
                with open(msg["users"], encoding="utf-8") as users, \
                        open(msg["output"], "w", encoding="utf-8") as out:
                    for ul in users:
                        u = int(ul)
                        for i, s in model.top(u, k):
                            out.write("%d\t%d\t%r\n" % (u, i, s))
                            rows += 1
                send({"type": "predicted", "id": rid, "rows": rows})
            else:
                raise ValueError("unknown message type " + str(kind))
        except Exception as e:  # the reply names the failure; the process stays usable
            send({"type": "error", "id": rid, "message": "%s: %s" % (type(e).__name__, e)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
