package dev.retort.rec.metric;

import dev.retort.BugException;

import java.util.Arrays;

/**
 * One worker's scratch and the per-user walk: marks the user's relevant items in a stamp array (O(1) lookup,
 * no clearing between users), walks the list once to the largest cut-off keeping running hits, DCG, the
 * AP numerator and the first hit rank, and records every column when the walk passes its cut-off.
 * Not thread-safe: one instance per worker.
 */
final class UserKernel {
    private final RankedLists lists;
    private final Relevance relevance;
    private final int[] cutoffs;       // ascending, distinct
    private final int[][] columnsAt;
    private final MetricKind[] columnKind;
    private final int catalogSize;
    private final double[] discount;   // discount[r] = 1 / log2(r + 2), rank r 0-based
    private final double[] idealDcg;   // idealDcg[n] = discount[0] + ... + discount[n-1]
    private final int[] marker;
    private int stamp;
    /** Best (smallest) 0-based rank at which each item appeared, for coverage; null when not requested. */
    final int[] minRank;
    /** Values of the last scored user, one per plan column. */
    final double[] row;

    UserKernel(RankedLists lists, Relevance relevance, CutoffPlan plan, int catalogSize, int tableLength) {
        this.lists = lists;
        this.relevance = relevance;
        this.cutoffs = plan.cutoffs();
        this.columnsAt = plan.columnsAt();
        this.columnKind = plan.columnKind();
        this.catalogSize = catalogSize;
        this.discount = new double[tableLength];
        this.idealDcg = new double[tableLength + 1];
        for (int r = 0; r < tableLength; r++) {
            discount[r] = 1.0 / (Math.log(r + 2) / Math.log(2));
            idealDcg[r + 1] = idealDcg[r] + discount[r];
        }
        this.marker = new int[catalogSize];
        this.minRank = plan.coverage().isEmpty() ? null : new int[catalogSize];
        if (minRank != null) Arrays.fill(minRank, Integer.MAX_VALUE);
        this.row = new double[plan.columns().size()];
    }

    /** Scores {@code user} (at least one relevant item) whose list is {@code listRow}, or -1 for none. */
    void score(int user, int listRow) {
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(marker, 0);
            stamp = 0;
        }
        int mark = ++stamp;
        int numRelevant = relevance.count(user);
        for (int i = 0; i < numRelevant; i++) {
            int item = relevance.item(user, i);
            if (item < catalogSize) marker[item] = mark;
        }
        int length = listRow < 0 ? 0 : Math.min(lists.length(listRow), cutoffs[cutoffs.length - 1]);
        int hits = 0, firstHit = 0, ci = 0;
        double dcg = 0, apSum = 0;
        for (int r = 0; r < length; r++) {
            int item = lists.item(listRow, r);
            if (item < 0 || item >= catalogSize) {
                throw new BugException("ranked list of user " + user + " has item " + item + " at rank " + r
                        + ", outside the catalog 0.." + (catalogSize - 1));
            }
            if (minRank != null && minRank[item] > r) minRank[item] = r;
            if (marker[item] == mark) {
                marker[item] = 0;   // a repeated item in one list counts as a hit only once
                hits++;
                dcg += discount[r];
                apSum += (double) hits / (r + 1);
                if (firstHit == 0) firstHit = r + 1;
            }
            if (r + 1 == cutoffs[ci]) record(ci++, numRelevant, hits, firstHit, dcg, apSum);
        }
        // Lists shorter than a cut-off: the remaining cut-offs see the final state (padding is never a hit).
        for (; ci < cutoffs.length; ci++) record(ci, numRelevant, hits, firstHit, dcg, apSum);
    }

    private void record(int ci, int numRelevant, int hits, int firstHit, double dcg, double apSum) {
        int k = cutoffs[ci];
        int ideal = Math.min(numRelevant, k);
        for (int column : columnsAt[ci]) {
            row[column] = switch (columnKind[column]) {
                case NDCG -> dcg / idealDcg[ideal];
                case HR -> hits > 0 ? 1.0 : 0.0;
                case PRECISION -> (double) hits / k;
                case RECALL -> (double) hits / numRelevant;
                case MAP -> apSum / ideal;
                case MRR -> firstHit > 0 ? 1.0 / firstHit : 0.0;
                default -> throw new BugException("not a per-user metric: " + columnKind[column]);
            };
        }
    }
}
