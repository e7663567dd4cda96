package dev.retort.rec.experiment;

import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.metric.RankedLists;

/** Lets the evaluator read a recommender's top-k lists. */
record TopKRankedLists(TopKLists lists) implements RankedLists {
    @Override
    public int numUsers() {
        return lists.size();
    }

    @Override
    public int user(int row) {
        return lists.user(row);
    }

    @Override
    public int length(int row) {
        return lists.length(row);
    }

    @Override
    public int item(int row, int rank) {
        return lists.item(row, rank);
    }

    @Override
    public float score(int row, int rank) {
        return lists.score(row, rank);
    }
}
