package dev.retort.rec.algo;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.store.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * EASE (Steck 2019), a closed-form item-item linear model on binary feedback. With Gram matrix {@code G = X'X},
 * {@code P = (G + lambda I)^-1} ({@link Cholesky}, then {@link SpdInverse}; never LU) and
 * {@code B = I - P / diag(P)} column-wise with a zero
 * diagonal, the score of item j for user u is {@code sum over training items i of B[i][j]}. Dense in the number
 * of items: memory about 20 bytes x items^2 while fitting (at most {@value #MAX_ITEMS} items). Parameter:
 * {@code lambda} (L2 weight, > 0, default 500).
 */
public final class Ease implements Recommender, SavableModel {
    /** Larger item sets would need tens of GB for G and P. */
    public static final int MAX_ITEMS = 40_000;
    private static final int MAGIC = 0x52454153; // "REAS"
    private final double lambda;
    private final int threads;
    private UserItemMatrix train;
    private float[][] b; // items x items, by rows

    public Ease(double lambda, int threads) {
        this.lambda = lambda;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "EASE";
    }

    @Override
    public void fit(Interactions data) {
        UserItemMatrix m = UserItemMatrix.of(data);
        int n = m.numItems;
        if (n > MAX_ITEMS)
            throw PlanException.at("algorithms.EASE", "items", n, "is too many for a dense item x item model",
                    "at most " + MAX_ITEMS + " items (filter rare items first)");
        Runtime rt = Runtime.getRuntime();
        checkMemory(n, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), rt.maxMemory());
        double[][] p = SpdInverse.invert(gram(m, lambda, threads), threads);
        float[][] out = weights(p, threads);
        train = m;
        b = out;
    }

    /**
     * Bytes EASE holds at its peak for {@code items} items: the Gram matrix and the inverse's work matrix, both
     * items x items doubles, alive together (the float weights come after the Gram matrix is gone).
     */
    static long peakBytes(int items) {
        return 2L * 8L * items * items;
    }

    /**
     * Refuses, before allocating, a fit whose matrices cannot fit in {@code available} bytes of heap, instead of
     * an OutOfMemoryError half way.
     */
    static void checkMemory(int items, long available, long maxHeap) {
        long need = peakBytes(items);
        if (need > available)
            throw PlanException.at("algorithms.EASE", "items", items, "needs " + gib(need) + " of heap for its two "
                            + items + " x " + items + " double matrices, but " + gib(available) + " of the " + gib(maxHeap)
                            + " maximum heap is free",
                    "fewer items (preprocess: [{core: N}] drops rare ones) or a larger heap (RETORT_JAVA_OPTS=-Xmx...)");
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** The lower triangle (diagonal included) of {@code X'X + lambda I} for the binary training matrix X, by rows. */
    static double[][] gram(UserItemMatrix m, double lambda, int threads) {
        int n = m.numItems;
        double[][] g = new double[n][];
        Parallel.forChunks(n, 32, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] gi = new double[n];
                for (int p = m.colPtr[i]; p < m.colPtr[i + 1]; p++) {
                    int u = m.colUsers[p];
                    for (int q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) {
                        int j = m.rowItems[q];
                        if (j > i) break; // rows are ascending
                        gi[j] += 1.0;
                    }
                }
                gi[i] += lambda;
                g[i] = gi;
            }
        });
        return g;
    }

    /** {@code B = I - P / diag(P)} (column-wise), zero diagonal, as float rows. */
    static float[][] weights(double[][] p, int threads) {
        int n = p.length;
        float[][] out = new float[n][];
        double[] d = new double[n];
        for (int j = 0; j < n; j++) d[j] = p[j][j];
        Parallel.forChunks(n, 64, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] pi = p[i];
                float[] bi = new float[n];
                for (int j = 0; j < n; j++) bi[j] = (float) (-pi[j] / d[j]);
                bi[i] = 0f;
                out[i] = bi;
            }
        });
        return out;
    }

    /** The learnt weight B[i][j] of training item i for item j. */
    public float weight(int i, int j) {
        Ranking.fitted(train, name());
        return b[i][j];
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        UserItemMatrix m = Ranking.fitted(train, name());
        float[][] w = b;
        return Ranking.rank(m, users, k, threads, () -> (u, s) -> score(m, w, u, s));
    }

    /**
     * {@code s[j] += sum over u's training items i of B[i][j]}, the rows added in item order (four per pass: the
     * same float roundings as one at a time, with fewer loads and stores of {@code s}).
     */
    static void score(UserItemMatrix m, float[][] b, int u, float[] s) {
        if (u >= m.numUsers) return;
        int n = m.numItems, p = m.rowPtr[u], end = m.rowPtr[u + 1];
        int[] items = m.rowItems;
        for (; p + 4 <= end; p += 4) {
            float[] r0 = b[items[p]], r1 = b[items[p + 1]], r2 = b[items[p + 2]], r3 = b[items[p + 3]];
            for (int j = 0; j < n; j++) s[j] = s[j] + r0[j] + r1[j] + r2[j] + r3[j];
        }
        for (; p < end; p++) {
            float[] r = b[items[p]];
            for (int j = 0; j < n; j++) s[j] += r[j];
        }
    }

    /** Saves B (items^2 floats). */
    public void save(Path file) throws IOException {
        Ranking.fitted(train, name());
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(MAGIC);
            d.writeInt(train.numItems);
            for (float[] row : b) for (float x : row) d.writeFloat(x);
            d.flush();
        });
    }

    /** Restores B saved by {@link #save}, with the training data it was fitted on (for exclusion). */
    public void load(Path file, Interactions data) throws IOException {
        UserItemMatrix m = UserItemMatrix.of(data);
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (d.readInt() != MAGIC) throw new IOException(file + ": not an EASE model");
            int n = d.readInt();
            if (n != m.numItems) throw new IOException(file + ": model has " + n + " items, data " + m.numItems);
            float[][] w = new float[n][n];
            for (float[] row : w) for (int j = 0; j < n; j++) row[j] = d.readFloat();
            b = w;
            train = m;
        }
    }
}
