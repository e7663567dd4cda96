package dev.retort.rec.test;

import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.IdMap;
import dev.retort.rec.data.Interactions;

import java.util.SplittableRandom;

/**
 * The shared test fixtures of retort-rec: literal datasets ({@code "user item [rating [timestamp]]"} rows, or
 * {user, item} index pairs), a random holdout, and a reference NDCG@k with binary gain.
 */
public final class TestData {
    private TestData() {
    }

    /** Interactions from text rows {@code "user item [rating [timestamp]]"}, ids in order of appearance. */
    public static Interactions of(String... rows) {
        int n = rows.length;
        int fields = n == 0 ? 2 : rows[0].trim().split("\\s+").length;
        int[] users = new int[n];
        int[] items = new int[n];
        float[] ratings = fields >= 3 ? new float[n] : null;
        long[] times = fields >= 4 ? new long[n] : null;
        IdMap u = new IdMap();
        IdMap it = new IdMap();
        for (int i = 0; i < n; i++) {
            String[] f = rows[i].trim().split("\\s+");
            users[i] = u.intern(f[0]);
            items[i] = it.intern(f[1]);
            if (ratings != null) ratings[i] = Float.parseFloat(f[2]);
            if (times != null) times[i] = Long.parseLong(f[3]);
        }
        return new Interactions(users, items, ratings, times, u, it);
    }

    /** Rows as "user item" pairs of original ids, in row order. */
    public static java.util.List<String> pairs(Interactions d) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < d.size(); i++) out.add(d.userIds().original(d.user(i)) + " " + d.itemIds().original(d.item(i)));
        return out;
    }

    /** Interactions from {@code {user, item}} pairs; ids "u0".., "i0".. for all users/items up to the counts. */
    public static Interactions of(int users, int items, int[][] pairs) {
        IdMap us = new IdMap(), is = new IdMap();
        for (int u = 0; u < users; u++) us.intern("u" + u);
        for (int i = 0; i < items; i++) is.intern("i" + i);
        int[] uu = new int[pairs.length], ii = new int[pairs.length];
        for (int e = 0; e < pairs.length; e++) {
            uu[e] = pairs[e][0];
            ii[e] = pairs[e][1];
        }
        return new Interactions(uu, ii, null, null, us, is);
    }

    /** {@code [train, test]}: each interaction goes to test with probability {@code testShare}. */
    public static Interactions[] holdout(Interactions all, double testShare, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = all.size(), nTest = 0;
        boolean[] test = new boolean[n];
        for (int e = 0; e < n; e++) if (test[e] = rnd.nextDouble() < testShare) nTest++;
        int[][] a = {new int[n - nTest], new int[n - nTest], new int[nTest], new int[nTest]};
        int tr = 0, te = 0;
        for (int e = 0; e < n; e++) {
            if (test[e]) { a[2][te] = all.user(e); a[3][te++] = all.item(e); }
            else { a[0][tr] = all.user(e); a[1][tr++] = all.item(e); }
        }
        return new Interactions[]{new Interactions(a[0], a[1], null, null, all.userIds(), all.itemIds()),
                new Interactions(a[2], a[3], null, null, all.userIds(), all.itemIds())};
    }

    /** Users with at least one test interaction, ascending. */
    public static int[] testUsers(Interactions test) {
        boolean[] has = new boolean[test.numUsers()];
        for (int e = 0; e < test.size(); e++) has[test.user(e)] = true;
        return java.util.stream.IntStream.range(0, has.length).filter(u -> has[u]).toArray();
    }

    /** Mean NDCG@k over the lists' users; binary gain; IDCG over min(|relevant|, k). */
    public static double ndcg(TopKLists lists, Interactions test, int k) {
        java.util.Set<Long> rel = new java.util.HashSet<>();
        int[] count = new int[test.numUsers()];
        for (int e = 0; e < test.size(); e++)
            if (rel.add(((long) test.user(e) << 32) | test.item(e))) count[test.user(e)]++;
        double sum = 0;
        for (int r = 0; r < lists.size(); r++) {
            int u = lists.user(r);
            double dcg = 0, idcg = 0;
            for (int p = 0; p < Math.min(k, lists.length(r)); p++)
                if (rel.contains(((long) u << 32) | lists.item(r, p))) dcg += 1 / log2(p + 2);
            for (int p = 0; p < Math.min(k, count[u]); p++) idcg += 1 / log2(p + 2);
            sum += idcg == 0 ? 0 : dcg / idcg;
        }
        return lists.size() == 0 ? 0 : sum / lists.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
