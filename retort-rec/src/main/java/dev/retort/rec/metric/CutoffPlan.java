package dev.retort.rec.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The requested cut-off metrics laid out for one pass: the distinct cut-offs ascending, and for each cut-off
 * the per-user columns to record when the walk down a list reaches it.
 */
record CutoffPlan(int[] cutoffs, int[][] columnsAt, MetricKind[] columnKind, List<MetricSpec> columns,
                  List<MetricSpec> coverage) {

    static CutoffPlan of(List<MetricSpec> metrics) {
        TreeSet<Integer> ks = new TreeSet<>();
        List<MetricSpec> columns = new ArrayList<>();
        List<MetricSpec> coverage = new ArrayList<>();
        for (MetricSpec m : metrics) {
            if (!m.kind().hasCutoff()) continue;
            ks.add(m.k());
            (m.kind().perUser() ? columns : coverage).add(m);
        }
        int[] cutoffs = ks.stream().mapToInt(Integer::intValue).toArray();
        int[][] columnsAt = new int[cutoffs.length][];
        MetricKind[] kinds = new MetricKind[columns.size()];
        for (int c = 0; c < columns.size(); c++) kinds[c] = columns.get(c).kind();
        for (int ci = 0; ci < cutoffs.length; ci++) {
            int k = cutoffs[ci];
            columnsAt[ci] = IntStream.range(0, columns.size())
                    .filter(c -> columns.get(c).k() == k).toArray();
        }
        return new CutoffPlan(cutoffs, columnsAt, kinds, List.copyOf(columns), List.copyOf(coverage));
    }

    boolean isEmpty() { return cutoffs.length == 0; }

    int maxK() { return cutoffs.length == 0 ? 0 : cutoffs[cutoffs.length - 1]; }
}
