package dev.retort.bench.core;

import dev.retort.engine.StoreSearch;
import dev.retort.search.TpeSearch;
import dev.retort.space.Config;
import dev.retort.space.Domain;
import dev.retort.space.Levels;
import dev.retort.space.Space;
import dev.retort.space.SpaceBuilder;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Outcome;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Best value found in a budget of trials, over seeds: Retort random, Retort TPE and Optuna's TPESampler, as shipped and with Optuna 3.5's density fix (the
 * peer script bench/tpe_peer.py under /usr/bin/python3, run by this harness), on Branin (2-d, minimum 0.397887)
 * Hartmann6 (6-d on the unit cube, minimum -3.32237) and {@link #conditional10} (10 active of 14, minimum 0). Retort's searches run as a worker runs them: one
 * SQLite store per run, each trial proposed by {@code claimProposed} and completed before the next.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.TpeQuality [seeds] [trials]
 * [functions]} (default 20, 100 and all three; functions a comma list) from the repository root.
 */
public final class TpeQuality {
    private TpeQuality() {
    }

    record Problem(String name, Space space, ToDoubleFunction<Config> f, double optimum) {
    }

    static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    static final double[][] P = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    static double hartmann6(Config c) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) inner += A[i][j] * Math.pow(c.getDouble("x" + j) - P[i][j] * 1e-4, 2);
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /**
     * A 10-dimensional function with conditional parameters: four shared parameters, a choice of branch, and five
     * parameters that only the chosen branch has (uniform, loguniform, int and choice), so ten are active in every
     * trial. The minimum, 0, lies in branch {@code a}; branch {@code b} is never below 0.3.
     */
    static double conditional10(Config c) {
        double f = 0;
        for (int i = 0; i < 4; i++) f += 4 * Math.pow(c.getDouble("x" + i) - 0.2 * (i + 1), 2);
        if (c.getString("branch").equals("a")) {
            f += (Math.pow(c.getDouble("a0") - 1, 2) + Math.pow(c.getDouble("a1") + 2, 2)) / 10;
            f += Math.pow(Math.log10(c.getDouble("a2")) + 2, 2) / 4;
            f += Math.abs(c.getLong("a3") - 8) / 8.0;
            f += c.getString("a4").equals("tanh") ? 0 : 0.5;
        } else {
            f += 0.3;
            for (int j = 0; j < 3; j++) f += Math.pow(c.getDouble("b" + j) - 0.7, 2);
            f += Math.abs(c.getLong("b3") - 5) / 20.0;
            f += Math.pow(Math.log10(c.getDouble("b4")), 2) / 4;
        }
        return f;
    }

    static Space conditional10Space() {
        SpaceBuilder b = Space.builder();
        for (int i = 0; i < 4; i++) b.factor("x" + i, Domain.uniform(0, 1));
        Space a = Space.builder().factor("a0", Domain.uniform(-5, 5)).factor("a1", Domain.uniform(-5, 5))
                .factor("a2", Domain.loguniform(1e-4, 1)).factor("a3", Domain.randint(1, 16))
                .factor("a4", Domain.choice("relu", "tanh", "sigmoid")).build();
        Space bb = Space.builder().factor("b0", Domain.uniform(0, 1)).factor("b1", Domain.uniform(0, 1))
                .factor("b2", Domain.uniform(0, 1)).factor("b3", Domain.randint(0, 20)).factor("b4", Domain.loguniform(1e-3, 10)).build();
        return b.levels("branch", Levels.of().level("a", a).level("b", bb)).build();
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SpaceBuilder h = Space.builder();
        for (int j = 0; j < 6; j++) h.factor("x" + j, Domain.uniform(0, 1));
        List<Problem> problems = List.of(
                new Problem("branin", Space.builder().factor("x1", Domain.uniform(-5, 10)).factor("x2", Domain.uniform(0, 15)).build(),
                        SuggestionCost::branin, 0.397887),
                new Problem("hartmann6", h.build(), TpeQuality::hartmann6, -3.32237),
                new Problem("conditional10", conditional10Space(), TpeQuality::conditional10, 0));
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : null;
        System.out.printf(Locale.ROOT, "# %d seeds x %d trials; load before %.2f; %d cores%n", seeds, trials, BenchUtil.load(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| function | sampler | best: median | 25% | 75% | median regret | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Problem p : problems) {
            if (only != null && !only.contains(p.name())) continue;
            long t0 = System.nanoTime();
            double[] random = new double[seeds], tpe = new double[seeds];
            for (int s = 0; s < seeds; s++) random[s] = best(p, new TpeSearch(trials, trials, s), trials);
            double tr = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (int s = 0; s < seeds; s++) tpe[s] = best(p, new TpeSearch(trials, 10, s), trials);
            double tt = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            double[] optuna = optuna(p.name(), seeds, trials, false);
            double to = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            double[] fixed = optuna(p.name(), seeds, trials, true);
            double tf = (System.nanoTime() - t0) / 1e9;
            row(p, "Retort random", random, tr);
            row(p, "Retort TPE", tpe, tt);
            row(p, "Optuna 3.1 TPESampler", optuna, to);
            row(p, "Optuna 3.1 TPESampler, logpdf fixed as in 3.5", fixed, tf);
        }
        System.out.printf(Locale.ROOT, "# load after %.2f%n", BenchUtil.load());
    }

    private static void row(Problem p, String sampler, double[] best, double seconds) {
        double[] b = best.clone();
        Arrays.sort(b);
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.1f |%n", p.name(), sampler,
                quantile(b, 0.5), quantile(b, 0.25), quantile(b, 0.75), quantile(b, 0.5) - p.optimum(), seconds);
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        return i + 1 < sorted.length ? sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    private static double best(Problem p, StoreSearch search, int trials) throws Exception {
        Path dir = Files.createTempDirectory("tpe-quality");
        try (Database db = Database.sqlite(dir.resolve("retort.db"), Clock.systemUTC());
             TrialStore store = db.open(db.create(p.name(), "{}", "h", "value", "MINIMIZE"),
                     new StoreSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), 2))) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < trials; i++) {
                List<ClaimedTrial> got = store.claimProposed("w", null, true, rows -> search.propose(p.space(), rows, false));
                if (got.isEmpty()) break;
                double v = p.f().applyAsDouble(got.get(0).config());
                best = Math.min(best, v);
                store.complete(got.get(0), Outcome.done("{}", v, null));
            }
            return best;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** @param fixedLogpdf the peer with Optuna 3.5's fix of its truncated normal density (see bench/tpe_peer.py) */
    private static double[] optuna(String function, int seeds, int trials, boolean fixedLogpdf) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "bench/tpe_peer.py", function, Integer.toString(seeds), Integer.toString(trials)));
        if (fixedLogpdf) cmd.add("--fixed-logpdf");
        Process proc = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Double> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.add(Double.parseDouble(line.split(" ")[1]));
        }
        if (proc.waitFor() != 0 || out.size() != seeds) throw new IllegalStateException("bench/tpe_peer.py failed for " + function);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
