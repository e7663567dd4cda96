package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bayesian personalised ranking matrix factorisation (Rendle et al. 2009) on binary feedback, trained by
 * single-threaded SGD so runs are exactly reproducible. Each epoch draws as many (u, i, j) triples as there are
 * training pairs: (u, i) uniform over training pairs, j uniform over items u has not seen. Step on
 * {@code x = x_u . (y_i - y_j)}: gradient {@code sigmoid(-x)}, L2 weight {@code reg} on the touched rows.
 *
 * <p>Parameters: {@code factors} (64), {@code learning_rate} (0.05), {@code reg} (0.01), {@code epochs} (20),
 * {@code seed} (42; initial factors ~ N(0, 0.1^2)). Score of item i for user u: {@code x_u . y_i}.
 *
 * <p>Each epoch samples from its own stream, derived from (seed, epoch), so a model saved after e epochs and
 * continued ({@link #fitContinuing}) is bit-identical to a fresh fit of the full epochs.
 */
public final class Bpr implements Recommender, Continuable {
    private final int f;
    private final double learningRate;
    private final double reg;
    private final int epochs;
    private final long seed;
    private final int threads;
    private UserItemMatrix train;
    private Factors model;
    private double[] epochLosses = new double[0];

    public Bpr(int factors, double learningRate, double reg, int epochs, long seed, int threads) {
        this.f = factors;
        this.learningRate = learningRate;
        this.reg = reg;
        this.epochs = epochs;
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "BPR";
    }

    @Override
    public void fit(Interactions data) {
        UserItemMatrix m = UserItemMatrix.of(data);
        SplittableRandom init = new SplittableRandom(seed);
        double[] x = Factors.gaussian(m.numUsers * f, 0.1, init);
        double[] y = Factors.gaussian(m.numItems * f, 0.1, init);
        train(m, x, y, 0);
    }

    @Override
    public String passesParameter() {
        return "epochs";
    }

    @Override
    public void fitContinuing(Interactions data, java.nio.file.Path saved, int done) throws java.io.IOException {
        if (done < 0 || done > epochs)
            throw new dev.retort.BugException("BPR asked to continue from epoch " + done + " of " + epochs + " (a rung above its child)");
        UserItemMatrix m = UserItemMatrix.of(data);
        Factors start = Factors.load(saved, m.numUsers, m.numItems);
        if (start.f != f)
            throw new dev.retort.BugException("BPR model " + saved + " has " + start.f + " factors, expected " + f);
        train(m, start.x.clone(), start.y.clone(), done);
    }

    /** The stream of epoch {@code ep}: independent of every other epoch's, a function of (seed, ep) only. */
    private SplittableRandom epochStream(int ep) {
        long z = seed + 0x9E3779B97F4A7C15L * (ep + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private void train(UserItemMatrix m, double[] x, double[] y, int fromEpoch) {
        int ni = m.numItems, nnz = m.nnz();
        int[] owner = new int[nnz];
        for (int u = 0; u < m.numUsers; u++) Arrays.fill(owner, m.rowPtr[u], m.rowPtr[u + 1], u);
        double[] losses = new double[epochs - fromEpoch];
        double lr = learningRate;
        for (int ep = fromEpoch; ep < epochs; ep++) {
            SplittableRandom rnd = epochStream(ep);
            double loss = 0;
            long steps = 0;
            for (int s = 0; s < nnz; s++) {
                int e = rnd.nextInt(nnz), u = owner[e], i = m.rowItems[e];
                int from = m.rowPtr[u], to = m.rowPtr[u + 1];
                if (to - from >= ni) continue;
                int j;
                do j = rnd.nextInt(ni); while (Arrays.binarySearch(m.rowItems, from, to, j) >= 0);
                int uo = u * f, io = i * f, jo = j * f;
                double d = 0;
                for (int a = 0; a < f; a++) d += x[uo + a] * (y[io + a] - y[jo + a]);
                double g = 1 / (1 + Math.exp(d)); // sigmoid(-d): the gradient of ln sigmoid(d)
                loss += d > 0 ? Math.log1p(Math.exp(-d)) : -d + Math.log1p(Math.exp(d));
                steps++;
                for (int a = 0; a < f; a++) {
                    double xu = x[uo + a], yi = y[io + a], yj = y[jo + a];
                    x[uo + a] += lr * (g * (yi - yj) - reg * xu);
                    y[io + a] += lr * (g * xu - reg * yi);
                    y[jo + a] += lr * (-g * xu - reg * yj);
                }
            }
            losses[ep - fromEpoch] = steps == 0 ? 0 : loss / steps;
        }
        train = m;
        model = new Factors(f, m.numUsers, ni, x, y);
        epochLosses = losses;
    }

    /** Mean {@code -ln sigmoid(x_uij)} over each epoch's samples run by the last fit, measured while training. */
    double[] epochLosses() {
        return epochLosses.clone();
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        UserItemMatrix m = Ranking.fitted(train, name());
        Factors fm = model;
        return Ranking.rank(m, users, k, threads, () -> fm::scores);
    }

    /** Saves the factors. */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        Ranking.fitted(train, name());
        model.save(file);
    }

    /** Restores factors saved by {@link #save}, with the training data they were fitted on (for exclusion). */
    public void load(java.nio.file.Path file, Interactions data) throws java.io.IOException {
        UserItemMatrix m = UserItemMatrix.of(data);
        model = Factors.load(file, m.numUsers, m.numItems);
        train = m;
    }
}
