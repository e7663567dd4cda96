package dev.retort.rec.metric;

import java.util.List;

/**
 * Shared hand-made case, catalog of 10 items (ranks 1-based in comments):
 * <pre>
 * user relevant           list            notes
 * u0   {1,3,5}            [1,2,3,4,5,6]   hits at ranks 1,3,5
 * u1   {7}                [0,7]           shorter than k=3 and k=5; hit at rank 2
 * u2   {0,1,2,3,4,5,6}    [9,0,8,1,2]     7 relevant > k; hits at ranks 2,4,5
 * u3   {4}                (no row)        relevant but no predictions: 0 everywhere
 * u4   {}                 [3,4]           no relevant items: excluded, counted
 * u5   {2}                [8,9]           no hits
 * u6   {6}                [6]             single hit at rank 1
 * </pre>
 * Discounts 1/log2(r+1): r1 = 1, r2 = 0.6309297536, r3 = 0.5, r4 = 0.4306765581, r5 = 0.3868528072.
 */
final class SevenUsers {
    static final int U0 = 0, U1 = 1, U2 = 2, U3 = 3, U5 = 5, U6 = 6;

    static Relevance relevance() {
        return Relevance.of(10, new int[][] {{1, 3, 5}, {7}, {0, 1, 2, 3, 4, 5, 6}, {4}, {}, {2}, {6}});
    }

    static RankedLists lists() {
        int[] users = {0, 1, 2, 4, 5, 6};
        int[][] rows = {{1, 2, 3, 4, 5, 6}, {0, 7}, {9, 0, 8, 1, 2}, {3, 4}, {8, 9}, {6}};
        int[] offsets = new int[users.length + 1];
        for (int r = 0; r < rows.length; r++) offsets[r + 1] = offsets[r] + rows[r].length;
        int[] items = new int[offsets[users.length]];
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, items, offsets[r], rows[r].length);
        return new ArrayRankedLists(users, offsets, items, new float[items.length]);
    }

    static List<MetricSpec> specs(String... names) {
        return MetricSpec.parseAll("test", "metrics", List.of(names));
    }

    static EvalResult evaluate(String... names) {
        return Evaluator.of(specs(names)).keepPerUser(true).evaluate(lists(), relevance());
    }

    /** Per-user value of {@code metric} for dense user {@code user}. */
    static double perUser(EvalResult r, int user, String metric) {
        PerUserValues p = r.perUser();
        int row = java.util.Arrays.binarySearch(p.users(), user);
        if (row < 0) throw new AssertionError("user " + user + " not evaluated");
        return p.get(row, p.column(MetricSpec.parse("test", "metric", metric)));
    }

    private SevenUsers() {}
}
