package dev.retort.bench.core;

import dev.retort.engine.StoreSearch;
import dev.retort.search.TpeSearch;
import dev.retort.space.Config;
import dev.retort.space.Domain;
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
 * Best value found in a budget of trials, over seeds: Retort random, Retort TPE and Optuna's TPESampler (the
 * peer script bench/tpe_peer.py under /usr/bin/python3, run by this harness), on Branin (2-d, minimum 0.397887)
 * and Hartmann6 (6-d on the unit cube, minimum -3.32237). Retort's searches run as a worker runs them: one
 * SQLite store per run, each trial proposed by {@code claimProposed} and completed before the next.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.TpeQuality [seeds] [trials]}
 * (default 20 and 100) from the repository root.
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

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SpaceBuilder h = Space.builder();
        for (int j = 0; j < 6; j++) h.factor("x" + j, Domain.uniform(0, 1));
        List<Problem> problems = List.of(
                new Problem("branin", Space.builder().factor("x1", Domain.uniform(-5, 10)).factor("x2", Domain.uniform(0, 15)).build(),
                        SuggestionCost::branin, 0.397887),
                new Problem("hartmann6", h.build(), TpeQuality::hartmann6, -3.32237));
        System.out.printf(Locale.ROOT, "# %d seeds x %d trials; load before %.2f; %d cores%n", seeds, trials, BenchUtil.load(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| function | sampler | best: median | 25% | 75% | median regret | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Problem p : problems) {
            long t0 = System.nanoTime();
            double[] random = new double[seeds], tpe = new double[seeds];
            for (int s = 0; s < seeds; s++) random[s] = best(p, new TpeSearch(trials, trials, s), trials);
            double tr = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (int s = 0; s < seeds; s++) tpe[s] = best(p, new TpeSearch(trials, 10, s), trials);
            double tt = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            double[] optuna = optuna(p.name(), seeds, trials);
            double to = (System.nanoTime() - t0) / 1e9;
            row(p, "Retort random", random, tr);
            row(p, "Retort TPE", tpe, tt);
            row(p, "Optuna 3 TPESampler", optuna, to);
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

    private static double[] optuna(String function, int seeds, int trials) throws Exception {
        Process proc = new ProcessBuilder("/usr/bin/python3", "bench/tpe_peer.py", function, Integer.toString(seeds), Integer.toString(trials))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Double> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.add(Double.parseDouble(line.split(" ")[1]));
        }
        if (proc.waitFor() != 0 || out.size() != seeds) throw new IllegalStateException("bench/tpe_peer.py failed for " + function);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
