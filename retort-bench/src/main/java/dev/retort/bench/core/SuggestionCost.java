package dev.retort.bench.core;

import dev.retort.engine.StoreSearch;
import dev.retort.search.AshaSearch;
import dev.retort.search.TpeSearch;
import dev.retort.space.Config;
import dev.retort.space.Domain;
import dev.retort.space.Space;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Completion;
import dev.retort.store.Lineage;
import dev.retort.store.NewTrial;
import dev.retort.store.Outcome;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one suggestion of a store-driven search costs a worker, on a SQLite store holding N finished trials:
 * the whole {@code claimProposed} transaction (read every row, propose, register, claim), and the proposal alone
 * inside it. For TPE (2 uniform parameters, Branin values) and ASHA (a 2-parameter space plus the fidelity, all
 * trials at the base rung so every call ranks them), at each N given; each measured call's trial is completed at
 * once, so N grows by one per call.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.SuggestionCost [N ...]}
 * (default 1000 10000; 100 warm-up calls, -Dwarm=K to change, and 50 measured calls per N).
 */
public final class SuggestionCost {
    private SuggestionCost() {
    }

    static final Space SPACE = Space.builder().factor("x1", Domain.uniform(-5, 10)).factor("x2", Domain.uniform(0, 15))
            .factor("epochs", Domain.randint(1, 27)).build();

    static double branin(Config c) {
        double x1 = c.getDouble("x1"), x2 = c.getDouble("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI), cc = 5 / Math.PI, t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + cc * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) sizes.add(Integer.parseInt(a));
        if (sizes.isEmpty()) sizes = List.of(1000, 10000);
        System.out.printf(Locale.ROOT, "# load before: %.2f; %d cores; java %s%n", BenchUtil.load(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int n : sizes) {
            measure("tpe", new TpeSearch(Long.MAX_VALUE, 10, 1), n, false);
            measure("asha", new AshaSearch("epochs", 1, 27, 3, Long.MAX_VALUE, 1), n, true);
        }
        System.out.printf(Locale.ROOT, "# load after: %.2f%n", BenchUtil.load());
    }

    private static void measure(String name, StoreSearch search, int n, boolean rungs) throws Exception {
        Path dir = Files.createTempDirectory("suggestion-cost");
        try (Database db = Database.sqlite(dir.resolve("retort.db"), Clock.systemUTC());
             TrialStore store = db.open(db.create(name, "{}", "h", "value", "MINIMIZE"),
                     new StoreSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), 2))) {
            List<NewTrial> fill = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Config c = SPACE.sample(99, i);
                fill.add(rungs ? new NewTrial(c.with("epochs", 1L), new Lineage(1.0, 0, null)) : new NewTrial(c, Lineage.NONE));
            }
            store.registerWithLineage(fill);
            while (true) {
                List<ClaimedTrial> got = store.claim("fill", 1000, null, true);
                if (got.isEmpty()) break;
                List<Completion> done = new ArrayList<>();
                for (ClaimedTrial t : got) done.add(new Completion(t, Outcome.done("{}", branin(t.config()), null)));
                store.completeAll(done);
            }
            int warm = Integer.getInteger("warm", 100), runs = 50;
            double[] total = new double[runs], propose = new double[runs];
            for (int r = 0; r < warm + runs; r++) {
                long[] inside = new long[1];
                long t0 = System.nanoTime();
                List<ClaimedTrial> got = store.claimProposed("w", null, true, rows -> {
                    long p0 = System.nanoTime();
                    List<NewTrial> out = search.propose(SPACE, rows, false);
                    inside[0] = System.nanoTime() - p0;
                    return out;
                });
                long t1 = System.nanoTime();
                if (got.isEmpty()) throw new IllegalStateException(name + " proposed nothing");
                store.complete(got.get(0), Outcome.done("{}", branin(got.get(0).config()), null));
                if (r >= warm) {
                    total[r - warm] = (t1 - t0) / 1e6;
                    propose[r - warm] = inside[0] / 1e6;
                }
            }
            Arrays.sort(total);
            Arrays.sort(propose);
            System.out.printf(Locale.ROOT, "%-5s N=%6d finished  claimProposed median %7.2f ms  p90 %7.2f ms  | propose alone median %7.2f ms  p90 %7.2f ms%n",
                    name, n, total[runs / 2], total[runs * 9 / 10], propose[runs / 2], propose[runs * 9 / 10]);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
