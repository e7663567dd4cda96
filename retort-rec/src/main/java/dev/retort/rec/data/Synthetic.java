package dev.retort.rec.data;

import dev.retort.PlanException;

import java.util.SplittableRandom;

/**
 * Seeded synthetic implicit-feedback data with enough structure that recommenders differ in quality.
 *
 * <p>Items get a power-law popularity (weight {@code 1/(rank+10)^0.9} over a seeded random ranking) and one of
 * {@code min(20, items)} latent clusters. Each user gets a heavy-tailed (log-normal) activity, at least 5
 * interactions when {@code interactions >= 5 * users}, and a few preferred clusters with random weights (more
 * clusters for more active users). Each interaction is drawn, with probability 0.8, from one of the user's
 * clusters (popularity-weighted within the cluster), otherwise from global popularity; a user never gets the
 * same item twice. So popularity alone predicts some of a user's items, co-occurrence (clusters) predicts many
 * more, and a random ranking predicts few: expected NDCG ordering KNN/EASE/ALS &gt; MostPopular &gt; Random.
 *
 * <p>Ratings (optional) are 1..5, higher for items in the user's stronger clusters. Timestamps (optional, epoch
 * seconds) strictly increase within each user in draw order. User {@code u} has original id {@code "u<u>"} and
 * dense id {@code u}; likewise items {@code "i<i>"}. The output is grouped by user, and is identical for
 * equal specs on every run and machine. About 0.3 s per million interactions.
 */
public final class Synthetic {
    private static final double AFFINITY = 0.8;
    private static final double ACTIVITY_SIGMA = 0.9;

    private Synthetic() {
    }

    /** Generates the data set {@code spec} describes; throws {@link PlanException} for an impossible shape. */
    public static Interactions generate(SyntheticSpec spec) {
        int nu = spec.users(), ni = spec.items();
        if (nu < 1) throw PlanException.at("synthetic", "users", nu, "must be >= 1", "integer >= 1");
        if (ni < 1) throw PlanException.at("synthetic", "items", ni, "must be >= 1", "integer >= 1");
        if (spec.interactions() < 0 || spec.interactions() > (long) nu * ni || spec.interactions() > Integer.MAX_VALUE - 8)
            throw PlanException.at("synthetic", "interactions", spec.interactions(), "does not fit the shape",
                    "0 .. min(users * items, 2^31 - 9) = " + Math.min((long) nu * ni, Integer.MAX_VALUE - 8));
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        int clusters = Math.min(20, ni);
        int[] perm = permutation(ni, rnd);
        int[] cluster = new int[ni];
        double[] weight = new double[ni];
        for (int i = 0; i < ni; i++) {
            weight[i] = 1.0 / Math.pow(perm[i] + 10.0, 0.9);
            cluster[i] = rnd.nextInt(clusters);
        }
        // per cluster: its items in id order and their cumulative popularity weights
        int[] cStart = new int[clusters + 1];
        for (int i = 0; i < ni; i++) cStart[cluster[i] + 1]++;
        for (int c = 0; c < clusters; c++) cStart[c + 1] += cStart[c];
        int[] cItems = new int[ni];
        double[] cCum = new double[ni];
        int[] fill = cStart.clone();
        for (int i = 0; i < ni; i++) cItems[fill[cluster[i]]++] = i;
        for (int c = 0; c < clusters; c++) {
            double acc = 0;
            for (int p = cStart[c]; p < cStart[c + 1]; p++) cCum[p] = acc += weight[cItems[p]];
        }
        double[] gCum = new double[ni];
        double acc = 0;
        for (int i = 0; i < ni; i++) gCum[i] = acc += weight[i];

        int total = (int) spec.interactions();
        int[] counts = activities(nu, ni, total, rnd);
        int[] users = new int[total], items = new int[total];
        float[] ratings = spec.ratings() ? new float[total] : null;
        long[] times = spec.timestamps() ? new long[total] : null;
        boolean[] taken = new boolean[ni];
        double[] prefWeight = new double[clusters];
        int[] prefs = new int[clusters];
        int pos = 0;
        for (int u = 0; u < nu; u++) {
            int n = counts[u];
            int clusterSize = Math.max(1, ni / clusters);
            int m = Math.max(2, Math.min(clusters, (int) Math.ceil(n * 1.5 / clusterSize)));
            m = Math.min(m, clusters);
            int[] cperm = permutation(clusters, rnd);
            double wsum = 0, wmax = 0;
            for (int j = 0; j < m; j++) {
                prefs[j] = cperm[j];
                double w = 0.2 + rnd.nextDouble();
                prefWeight[j] = wsum += w;
                wmax = Math.max(wmax, w);
            }
            long t = 978_300_000L + rnd.nextLong(30_000_000L);
            int start = pos;
            for (int e = 0; e < n; e++) {
                int item = -1, pref = -1;
                for (int attempt = 0; attempt < 64 && item < 0; attempt++) {
                    int cand;
                    int p = -1;
                    if (rnd.nextDouble() < AFFINITY) {
                        p = search(prefWeight, 0, m, rnd.nextDouble() * wsum);
                        int c = prefs[p];
                        double r = rnd.nextDouble() * (cStart[c + 1] == cStart[c] ? 0 : cCum[cStart[c + 1] - 1]);
                        if (cStart[c + 1] == cStart[c]) continue;
                        cand = cItems[search(cCum, cStart[c], cStart[c + 1], r)];
                    } else {
                        cand = search(gCum, 0, ni, rnd.nextDouble() * gCum[ni - 1]);
                    }
                    if (!taken[cand]) { item = cand; pref = p; }
                }
                if (item < 0) { // saturated: the next free item after a random start
                    item = rnd.nextInt(ni);
                    while (taken[item]) item = item + 1 == ni ? 0 : item + 1;
                }
                taken[item] = true;
                users[pos] = u;
                items[pos] = item;
                if (ratings != null) {
                    double aff = 0;
                    for (int j = 0; j < m; j++)
                        if (prefs[j] == cluster[item]) aff = (prefWeight[j] - (j == 0 ? 0 : prefWeight[j - 1])) / wmax;
                    double r = 2.3 + 2.2 * aff + (pref >= 0 ? 0.3 : 0) + 0.8 * gaussian(rnd);
                    ratings[pos] = (float) Math.max(1, Math.min(5, Math.round(r)));
                }
                if (times != null) times[pos] = t += 1 + (long) (-Math.log(1 - rnd.nextDouble()) * 3600);
                pos++;
            }
            for (int p = start; p < pos; p++) taken[items[p]] = false;
        }
        IdMap userIds = new IdMap(), itemIds = new IdMap();
        for (int u = 0; u < nu; u++) userIds.intern("u" + u);
        for (int i = 0; i < ni; i++) itemIds.intern("i" + i);
        return new Interactions(users, items, ratings, times, userIds, itemIds);
    }

    /** Per-user interaction counts: log-normal shares of the total, each within [min(5, ...), 0.7 * items]. */
    private static int[] activities(int nu, int ni, int total, SplittableRandom rnd) {
        int min = Math.min(Math.min(5, ni), total / nu);
        int max = Math.max(min, (int) (ni * 0.7));
        if ((long) max * nu < total) max = ni;
        double[] a = new double[nu];
        double sum = 0;
        for (int u = 0; u < nu; u++) sum += a[u] = Math.exp(ACTIVITY_SIGMA * gaussian(rnd));
        long extra = total - (long) min * nu, assigned = 0;
        int[] n = new int[nu];
        for (int u = 0; u < nu; u++) {
            n[u] = (int) Math.min(max, min + (long) Math.floor(extra * a[u] / sum));
            assigned += n[u];
        }
        long left = total - assigned;
        while (left > 0) { // rounding and clipping remainders, spread evenly over users below the cap
            long share = Math.max(1, left / nu);
            for (int u = 0; u < nu && left > 0; u++) {
                int add = (int) Math.min(Math.min(share, max - n[u]), left);
                n[u] += add;
                left -= add;
            }
        }
        return n;
    }

    /** First index in [from, to) whose cumulative value exceeds {@code r} (clamped to to - 1). */
    private static int search(double[] cum, int from, int to, double r) {
        int lo = from, hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > r) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double gaussian(SplittableRandom rnd) { // Box-Muller; one value per call keeps it stateless
        double u1 = 1.0 - rnd.nextDouble(), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
