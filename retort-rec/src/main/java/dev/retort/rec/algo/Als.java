package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Subset;

import java.util.SplittableRandom;

/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren and Volinsky 2008). Minimises
 * {@code sum over all (u,i) of c_ui (p_ui - x_u . y_i)^2 + reg (|X|^2 + |Y|^2)} with preference p = 1 for
 * training pairs (0 otherwise) and confidence {@code c = 1 + alpha r} (r = 1 with {@code values: binary}, the
 * default; the rating with {@code values: rating}; c = 1 for unobserved pairs). Each half-step uses the {@code Y'Y} precompute so a row costs O(n_u f^2) (Cholesky) or
 * O(cg_steps n_u f) (conjugate gradient warm-started from the previous factors, Takacs et al. 2011). Rows are
 * solved in parallel over fixed chunks; results do not depend on the thread count.
 *
 * <p>Parameters: {@code factors} (64), {@code reg} (0.1), {@code alpha} (1.0), {@code iterations} (15),
 * {@code seed} (42; initial factors ~ N(0, 0.01^2)), {@code solver} ({@code cg} | {@code cholesky}),
 * {@code cg_steps} (3). Score of item i for user u: {@code x_u . y_i}.
 */
public final class Als implements Recommender, SavableModel {
    /** How the per-row normal equations are solved. */
    public enum Solver { CG, CHOLESKY }

    private final int f;
    private final double reg;
    private final double alpha;
    private final int iterations;
    private final long seed;
    private final Solver solver;
    private final int cgSteps;
    private final boolean ratingValues;
    private final int threads;
    private UserItemMatrix train;
    private Factors model;

    /** @param ratingValues r in the confidence is the rating ({@code values: rating}); else 1 ({@code binary}) */
    public Als(int factors, double reg, double alpha, int iterations, long seed, Solver solver, int cgSteps,
               boolean ratingValues, int threads) {
        this.f = factors;
        this.reg = reg;
        this.alpha = alpha;
        this.iterations = iterations;
        this.seed = seed;
        this.solver = solver;
        this.cgSteps = cgSteps;
        this.ratingValues = ratingValues;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "ALS";
    }

    @Override
    public void fit(Interactions data) {
        UserItemMatrix m = UserItemMatrix.of(ratingValues ? data : Subset.withoutRatings(data));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = Factors.gaussian(m.numUsers * f, 0.01, rnd);
        double[] y = Factors.gaussian(m.numItems * f, 0.01, rnd);
        for (int it = 0; it < iterations; it++) {
            solveSide(x, m.numUsers, m.rowPtr, m.rowItems, m.rowValues, y, m.numItems);
            solveSide(y, m.numItems, m.colPtr, m.colUsers, m.colValues, x, m.numUsers);
        }
        train = m;
        model = new Factors(f, m.numUsers, m.numItems, x, y);
    }

    /** Re-solves every row of {@code target} with {@code fixed} held constant. */
    private void solveSide(double[] target, int n, int[] ptr, int[] idx, float[] vals, double[] fixed, int nFixed) {
        double[] gram = Factors.gram(fixed, nFixed, f, threads);
        Parallel.forChunks(n, 64, threads, (from, to) -> {
            AlsRowSolver row = new AlsRowSolver(f, reg, alpha, gram, fixed);
            for (int a = from; a < to; a++) {
                if (solver == Solver.CG) row.conjugateGradient(target, a * f, idx, vals, ptr[a], ptr[a + 1], cgSteps);
                else row.cholesky(target, a * f, idx, vals, ptr[a], ptr[a + 1]);
            }
        });
    }

    /** The objective above for the fitted factors (for tests and diagnostics). */
    double loss() {
        UserItemMatrix m = Ranking.fitted(train, name());
        return model.squaredLoss(m, alpha) + reg * (model.norm2Users() + model.norm2Items());
    }

    /** The fitted factors; read-only. */
    Factors factors() {
        Ranking.fitted(train, name());
        return model;
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        UserItemMatrix m = Ranking.fitted(train, name());
        Factors fm = model;
        return Ranking.rank(m, users, k, threads, () -> (u, s) -> fm.scores(u, s));
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
