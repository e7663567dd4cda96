package dev.retort.bench.rec;

import dev.retort.rec.algo.Algorithms;
import dev.retort.rec.algo.Recommender;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.space.Config;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whole-run benchmark of Retort's recommenders against RankSys 0.4.3 on the synthetic ML-1M shape
 * (6,040 users x 3,706 items x 1,000,209 interactions, seed 1), 80/20 random holdout (seed 2): fit + top-10 for
 * every test user, timed in wall seconds (and process CPU seconds, since the machine may be shared), plus NDCG@10.
 * Both libraries first run once on a small data set so the JIT has compiled their hot loops.
 *
 * <p>Usage: {@code java -Xmx8g -cp retort-bench.jar dev.retort.bench.rec.AlgoBench [--no-ranksys] [names...]}
 * with names among ItemKNN, UserKNN, EASE, ALS (default: all).
 */
public final class AlgoBench {
    static final double ALS_REG = 0.1;
    static final double ALS_ALPHA = 1.0;

    private record Row(String name, double rs, double rcpu, double ks, double kcpu, double rn, double kn) {
    }

    private record Timed(TopKLists lists, double wall, double cpu) {
    }

    public static void main(String[] args) {
        boolean ranksys = true;
        List<String> only = new ArrayList<>();
        for (String a : args) if (a.equals("--no-ranksys")) ranksys = false; else only.add(a);
        Set<String> run = only.isEmpty() ? Set.of("ItemKNN", "UserKNN", "EASE", "ALS") : Set.copyOf(only);
        System.out.printf("cores %d, load average %.2f at start%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Interactions small = Synthetic.generate(new SyntheticSpec(600, 400, 24_000, 3, false, false));
        System.out.println("warming up on 600 x 400 x 24,000 ...");
        bench(small, run, ranksys, false);

        long t0 = System.nanoTime();
        Interactions all = Synthetic.generate(new SyntheticSpec(6040, 3706, 1_000_209, 1, false, false));
        System.out.printf("synthetic ML-1M shape generated in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        List<Row> rows = bench(all, run, ranksys, true);
        System.out.println();
        System.out.printf("%-8s %10s %10s %10s %10s %8s %10s %10s %9s%n", "algo", "retort s", "(cpu s)", "ranksys s",
                "(cpu s)", "speedup", "retort@10", "ranksys@10", "rel.diff");
        for (Row r : rows)
            System.out.printf("%-8s %10.2f %10.2f %10s %10s %8s %10.4f %10s %9s%n", r.name, r.rs, r.rcpu,
                    Double.isNaN(r.ks) ? "-" : String.format("%.2f", r.ks), Double.isNaN(r.kcpu) ? "-" : String.format("%.2f", r.kcpu),
                    Double.isNaN(r.ks) ? "-" : String.format("%.2fx", r.ks / r.rs), r.rn,
                    Double.isNaN(r.kn) ? "-" : String.format("%.4f", r.kn),
                    Double.isNaN(r.kn) ? "-" : String.format("%+.2f%%", 100 * (r.rn - r.kn) / r.kn));
    }

    private static List<Row> bench(Interactions all, Set<String> run, boolean ranksys, boolean print) {
        Interactions[] split = BenchData.holdout(all, 0.2, 2);
        Interactions train = split[0];
        int[] users = BenchData.testUsers(split[1]);
        int[][] rel = BenchData.relevant(split[1]);
        List<Row> rows = new ArrayList<>();
        for (String name : List.of("ItemKNN", "UserKNN", "EASE", "ALS")) {
            if (!run.contains(name)) continue;
            Config params = switch (name) {
                case "ItemKNN", "UserKNN" -> Config.of("k", 50, "similarity", "cosine");
                case "EASE" -> Config.of("lambda", 500.0);
                default -> Config.of("factors", 64, "iterations", 15, "reg", ALS_REG, "alpha", ALS_ALPHA);
            };
            Timed r = time(() -> {
                Recommender rec = Algorithms.create(name, params, "bench." + name);
                rec.fit(train);
                return rec.recommend(users, 10);
            });
            Timed k = null;
            if (ranksys && !name.equals("EASE")) {
                k = time(() -> {
                    RankSysRunner rs = new RankSysRunner(train);
                    return switch (name) {
                        case "ItemKNN" -> rs.itemKnn(50, users, 10);
                        case "UserKNN" -> rs.userKnn(50, users, 10);
                        default -> rs.als(64, ALS_REG, ALS_ALPHA, 15, users, 10);
                    };
                });
            }
            Row row = new Row(name, r.wall, r.cpu, k == null ? Double.NaN : k.wall, k == null ? Double.NaN : k.cpu,
                    BenchData.ndcg(r.lists, rel, 10), k == null ? Double.NaN : BenchData.ndcg(k.lists, rel, 10));
            if (print) System.out.printf("%s: retort %.2f s (cpu %.2f) ndcg %.4f; ranksys %s s ndcg %s%n", name, row.rs,
                    row.rcpu, row.rn, row.ks, row.kn);
            rows.add(row);
        }
        return rows;
    }

    private static Timed time(Supplier<TopKLists> work) {
        System.gc();
        long c0 = cpu(), t0 = System.nanoTime();
        TopKLists lists = work.get();
        return new Timed(lists, (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
