package dev.retort.bench.rec;

import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;

import java.util.SplittableRandom;

/** The benchmark's split and metric: a seeded random 80/20 holdout and NDCG@k with binary gain. */
final class BenchData {
    private BenchData() {
    }

    /** {@code [train, test]}: each interaction goes to test with probability {@code testShare}. */
    static Interactions[] holdout(Interactions all, double testShare, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = all.size(), nTest = 0;
        boolean[] test = new boolean[n];
        for (int e = 0; e < n; e++) if (test[e] = rnd.nextDouble() < testShare) nTest++;
        int[] tu = new int[n - nTest], ti = new int[n - nTest], su = new int[nTest], si = new int[nTest];
        int tr = 0, te = 0;
        for (int e = 0; e < n; e++) {
            if (test[e]) { su[te] = all.user(e); si[te++] = all.item(e); }
            else { tu[tr] = all.user(e); ti[tr++] = all.item(e); }
        }
        return new Interactions[]{new Interactions(tu, ti, null, null, all.userIds(), all.itemIds()),
                new Interactions(su, si, null, null, all.userIds(), all.itemIds())};
    }

    /** Users with at least one test interaction, ascending. */
    static int[] testUsers(Interactions test) {
        boolean[] has = new boolean[test.numUsers()];
        for (int e = 0; e < test.size(); e++) has[test.user(e)] = true;
        return java.util.stream.IntStream.range(0, has.length).filter(u -> has[u]).toArray();
    }

    /** Per-user sorted relevant items, for {@link #ndcg}. */
    static int[][] relevant(Interactions test) {
        int nu = test.numUsers();
        int[] count = new int[nu];
        for (int e = 0; e < test.size(); e++) count[test.user(e)]++;
        int[][] rel = new int[nu][];
        for (int u = 0; u < nu; u++) rel[u] = new int[count[u]];
        int[] fill = new int[nu];
        for (int e = 0; e < test.size(); e++) rel[test.user(e)][fill[test.user(e)]++] = test.item(e);
        for (int[] r : rel) java.util.Arrays.sort(r);
        return rel;
    }

    /** Mean NDCG@k over the lists' users: binary gain, IDCG over min(|relevant|, k). */
    static double ndcg(TopKLists lists, int[][] rel, int k) {
        double sum = 0;
        for (int r = 0; r < lists.size(); r++) {
            int[] relevant = rel[lists.user(r)];
            double dcg = 0, idcg = 0;
            for (int p = 0; p < Math.min(k, lists.length(r)); p++)
                if (java.util.Arrays.binarySearch(relevant, lists.item(r, p)) >= 0) dcg += 1 / log2(p + 2);
            for (int p = 0; p < Math.min(k, relevant.length); p++) idcg += 1 / log2(p + 2);
            sum += idcg == 0 ? 0 : dcg / idcg;
        }
        return lists.size() == 0 ? 0 : sum / lists.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
