package dev.retort.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One suggestion of the tree-structured Parzen estimator (Bergstra et al., "Algorithms for Hyper-Parameter
 * Optimization", NeurIPS 2011), univariate, with the defaults Optuna 3 documents for its TPESampler: a prior
 * component of weight 1 (flat, or a factor's {@link Prior} when it has one), the "magic clip" of bandwidths, no endpoint bandwidths, 24 candidates drawn from the
 * good density, older observations down-weighted once there are more than 25.
 *
 * <p>Each parameter is suggested on its own (univariate), from the observations of the trials that have it:
 * a level of a nested factor brings its own parameters, which only the trials at that level have
 * (conditional spaces). Numeric parameters ({@code uniform}, {@code int}, {@code loguniform} on the log
 * scale) use a mixture of truncated normals; lists, choices and ranges are categorical.
 *
 * <p>Deterministic: the same observations and the same generator state give the same config.
 */
public final class Tpe {
    /** Candidates drawn from the good density per parameter (Optuna's n_ei_candidates). */
    public static final int CANDIDATES = 24;
    /** Weight of the prior component (Optuna's prior_weight). */
    public static final double PRIOR_WEIGHT = 1.0;
    /**
     * With a user's prior, a candidate's score log l(x) - log g(x) gains (PRIOR_BETA / n) log prior(x), n the
     * observations (piBO, Hvarfner et al. 2022): the prior steers strongly at first and fades as trials come in.
     */
    public static final double PRIOR_BETA = 10.0;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private Tpe() {
    }

    /**
     * A config for {@code space} from the good ({@code below}) and bad ({@code above}) trials' configs, each
     * list in trial order (oldest first: the weights of old observations ramp down).
     */
    public static Config suggest(Space space, List<Config> below, List<Config> above, SplittableRandom random) {
        List<Object> out = new ArrayList<>();
        suggestInto(space, below, above, random, out);
        return Config.of(out.toArray());
    }

    private static void suggestInto(Space space, List<Config> below, List<Config> above, SplittableRandom random, List<Object> out) {
        for (Factor f : space.factors()) {
            out.add(f.name());
            if (f instanceof Factor.Plain p) {
                out.add(value(f.name(), p.domain(), p.prior(), below, above, random));
            } else if (f instanceof Factor.Branch b) {
                List<Object> levels = b.levels().values();
                int i = categorical(f.name(), levels, null, below, above, random);
                out.add(levels.get(i));
                Object level = levels.get(i);
                // the sub-space learns only from trials at the same level
                suggestInto(b.levels().subSpace(i), at(below, f.name(), level), at(above, f.name(), level), random, out);
            }
        }
    }

    private static List<Config> at(List<Config> configs, String name, Object level) {
        List<Config> out = new ArrayList<>();
        for (Config c : configs) if (c.has(name) && level.equals(c.get(name))) out.add(c);
        return out;
    }

    private static Object value(String name, Domain d, Prior prior, List<Config> below, List<Config> above, SplittableRandom random) {
        if (d instanceof Distribution dist) {
            boolean log = dist.kind().equals("loguniform");
            double lo = log ? Math.log(dist.low()) : dist.low(), hi = log ? Math.log(dist.high()) : dist.high();
            if (lo == hi) return dist.low();
            double centre = prior == null ? 0.5 * (lo + hi) : log ? Math.log((Double) prior.value()) : (Double) prior.value();
            double x = numeric(lo, hi, centre, width(prior) * (hi - lo), prior != null, numbers(below, name, log), numbers(above, name, log), random);
            double v = log ? Math.exp(x) : x;
            return Math.min(dist.high(), Math.max(dist.low(), v));
        }
        if (d instanceof IntDistribution in) {
            if (in.low() == in.high()) return in.low();
            // the integers as a continuous range, each owning [v - 0.5, v + 0.5]
            double lo = in.low() - 0.5, hi = in.high() + 0.5;
            double centre = prior == null ? 0.5 * (lo + hi) : (Long) prior.value();
            double x = numeric(lo, hi, centre, width(prior) * (hi - lo), prior != null, numbers(below, name, false), numbers(above, name, false), random);
            return Math.min(in.high(), Math.max(in.low(), Math.round(x)));
        }
        List<Object> levels = new ArrayList<>();
        for (long i = 0; i < d.size(); i++) levels.add(d.level(i));
        return levels.get(categorical(name, levels, prior, below, above, random));
    }

    private static double[] numbers(List<Config> configs, String name, boolean log) {
        double[] out = new double[configs.size()];
        int n = 0;
        for (Config c : configs) {
            if (!c.has(name) || !(c.get(name) instanceof Number v)) continue;
            out[n++] = log ? Math.log(v.doubleValue()) : v.doubleValue();
        }
        return Arrays.copyOf(out, n);
    }

    /** Optuna's default weights: all 1 up to 25 observations; beyond, the oldest ramp from 1/n up to 1. */
    static double[] weights(int n) {
        double[] w = new double[n];
        if (n < 25) {
            Arrays.fill(w, 1.0);
            return w;
        }
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        for (int i = ramp; i < n; i++) w[i] = 1.0;
        return w;
    }

    private static double width(Prior prior) {
        return prior == null ? 1.0 : prior.width();
    }

    /**
     * A mixture of normals truncated to [lo, hi]: observations plus the prior component, centred on
     * {@code centre} with width {@code spread} (without a user's prior: the middle, width hi - lo).
     */
    record Parzen(double[] mu, double[] sigma, double[] weight, double lo, double hi) {
        static Parzen of(double[] obs, double lo, double hi, double centre, double spread) {
            int n = obs.length, k = n + 1; // the observations, then the prior
            double[] mu = Arrays.copyOf(obs, k), sigma = new double[k], weight = new double[k];
            mu[n] = centre;
            // bandwidths from the neighbours in sorted order, the prior sorted in among the observations
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(mu[a], mu[b]));
            double[] s = new double[k + 2]; // sorted, with the bounds at both ends
            s[0] = lo;
            s[k + 1] = hi;
            for (int i = 0; i < k; i++) s[i + 1] = mu[order[i]];
            double min = (hi - lo) / Math.min(100.0, k + 1.0), max = hi - lo; // the magic clip
            for (int i = 0; i < k; i++) {
                double bw = Math.max(s[i + 1] - s[i], s[i + 2] - s[i + 1]);
                if (k >= 2 && i == 0) bw = s[2] - s[1]; // consider_endpoints off: the outermost use their inner neighbour
                if (k >= 2 && i == k - 1) bw = s[k] - s[k - 1];
                sigma[order[i]] = Math.min(max, Math.max(min, bw));
            }
            sigma[n] = spread;
            double[] w = weights(n);
            System.arraycopy(w, 0, weight, 0, n);
            weight[n] = PRIOR_WEIGHT;
            double sum = 0;
            for (double v : weight) sum += v;
            for (int i = 0; i < k; i++) weight[i] /= sum;
            return new Parzen(mu, sigma, weight, lo, hi);
        }

        double sample(SplittableRandom random) {
            double u = random.nextDouble(), acc = 0;
            int k = weight.length - 1;
            for (int i = 0; i < weight.length; i++) {
                acc += weight[i];
                if (u < acc) {
                    k = i;
                    break;
                }
            }
            for (int tries = 0; tries < 100; tries++) { // truncated: at least about a third of draws land inside
                double x = mu[k] + sigma[k] * gaussian(random);
                if (x >= lo && x <= hi) return x;
            }
            return Math.min(hi, Math.max(lo, mu[k]));
        }

        /** Per component: log weight - log sigma - log sqrt(2 pi) - log of its mass inside [lo, hi]. */
        double[] constants() {
            double[] c = new double[mu.length];
            for (int i = 0; i < mu.length; i++) {
                double mass = phi((hi - mu[i]) / sigma[i]) - phi((lo - mu[i]) / sigma[i]);
                c[i] = Math.log(weight[i]) - LOG_SQRT_2PI - Math.log(sigma[i]) - Math.log(Math.max(mass, 1e-300));
            }
            return c;
        }

        /** log of the truncated mixture's density at x (log-sum-exp, so far tails do not underflow to -inf). */
        double logPdf(double x, double[] constants, double[] scratch) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < mu.length; i++) {
                double z = (x - mu[i]) / sigma[i];
                scratch[i] = constants[i] - 0.5 * z * z;
                if (scratch[i] > best) best = scratch[i];
            }
            double sum = 0;
            for (int i = 0; i < mu.length; i++) {
                double d = scratch[i] - best;
                if (d > -40) sum += Math.exp(d); // below e^-40 of the largest term: nothing a double can add to it
            }
            return best + Math.log(sum);
        }
    }

    private static double numeric(double lo, double hi, double centre, double spread, boolean userPrior, double[] below,
                                  double[] above, SplittableRandom random) {
        double beta = userPrior ? PRIOR_BETA / Math.max(1, below.length + above.length) : 0;
        Parzen l = Parzen.of(below, lo, hi, centre, spread), g = Parzen.of(above, lo, hi, centre, spread);
        double[] lc = l.constants(), gc = g.constants();
        double[] ls = new double[lc.length], gs = new double[gc.length];
        double best = Double.NaN, score = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            double x = l.sample(random);
            double s = l.logPdf(x, lc, ls) - g.logPdf(x, gc, gs);
            if (beta > 0) s -= beta * 0.5 * Math.pow((x - centre) / spread, 2); // + (beta / n) log prior(x), constants dropped
            if (s > score) {
                score = s;
                best = x;
            }
        }
        return best;
    }

    /**
     * The index of a level: each observation's level gets 1 on top of a share of the prior weight (uniform, or
     * by the user's {@code prior}, which may be null).
     */
    private static int categorical(String name, List<Object> levels, Prior prior, List<Config> below, List<Config> above,
                                   SplittableRandom random) {
        double[] q = prior == null ? null : prior.pmf(levels);
        double beta = PRIOR_BETA / Math.max(1, below.size() + above.size());
        double[] l = pmf(name, levels, q, below), g = pmf(name, levels, q, above);
        int best = 0;
        double score = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            double u = random.nextDouble(), acc = 0;
            int k = levels.size() - 1;
            for (int j = 0; j < levels.size(); j++) {
                acc += l[j];
                if (u < acc) {
                    k = j;
                    break;
                }
            }
            double s = Math.log(l[k]) - Math.log(g[k]);
            if (q != null) s += beta * Math.log(q[k]);
            if (s > score) {
                score = s;
                best = k;
            }
        }
        return best;
    }

    /**
     * Optuna 3's categorical estimator: one row per observation, {@code PRIOR_WEIGHT / (n + 1)} in every cell
     * and 1 more at its level, normalised; then the prior row; rows mixed by the weights of {@link #weights}
     * and {@code PRIOR_WEIGHT}. A user's prior {@code q} scales the cells by {@code m q_j} (uniform q: Optuna's).
     */
    private static double[] pmf(String name, List<Object> levels, double[] q, List<Config> configs) {
        List<Integer> obs = new ArrayList<>();
        for (Config c : configs) {
            if (!c.has(name)) continue;
            int i = levels.indexOf(c.get(name));
            if (i >= 0) obs.add(i);
        }
        int n = obs.size(), m = levels.size();
        double[] cell = new double[m];
        double cells = 0;
        for (int j = 0; j < m; j++) {
            cell[j] = PRIOR_WEIGHT / (n + 1) * (q == null ? 1.0 : m * q[j]);
            cells += cell[j];
        }
        double[] w = weights(n);
        double total = PRIOR_WEIGHT;
        for (double v : w) total += v;
        double[] p = new double[m];
        for (int i = 0; i < n; i++) {
            double share = w[i] / total / (cells + 1.0);
            for (int j = 0; j < m; j++) p[j] += share * cell[j];
            p[obs.get(i)] += share;
        }
        for (int j = 0; j < m; j++) p[j] += PRIOR_WEIGHT / total * cell[j] / cells; // the prior row
        return p;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller from SplittableRandom, so a seed gives the same draws on every JVM
        double u1 = random.nextDouble(), u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The standard normal CDF. */
    static double phi(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * erfc with absolute error below 1.5e-7 (Abramowitz and Stegun, Handbook of Mathematical Functions, 7.1.26):
     * enough for the truncation mass of a bandwidth, which only needs to be right where it is not tiny.
     */
    private static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = poly * Math.exp(-z * z);
        return x >= 0 ? r : 2 - r;
    }
}
