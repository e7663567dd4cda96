package dev.retort.rec.algo;

import dev.retort.rec.test.TestData;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;

import java.lang.management.ManagementFactory;

/**
 * Not a test: prints EASE's phase timings (wall and process CPU seconds, with the load average) on the synthetic
 * ML-1M shape with AlgoBench's 80/20 holdout (seeds 1 and 2), lambda 500, top-10 for every test user.
 * Run with the test classes on the class path: {@code java -cp retort-rec/target/test-classes:retort-rec/target/classes:retort-bench/target/retort-bench.jar
 * dev.retort.rec.algo.EasePhases [threads] [rounds]}.
 */
public final class EasePhases {
    private static long w0, c0;

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Parallel.defaultThreads();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Interactions small = Synthetic.generate(new SyntheticSpec(600, 400, 24_000, 3, false, false));
        Interactions all = Synthetic.generate(new SyntheticSpec(6040, 3706, 1_000_209, 1, false, false));
        for (Interactions data : new Interactions[]{small, all}) {
            Interactions[] split = TestData.holdout(data, 0.2, 2);
            int[] users = TestData.testUsers(split[1]);
            for (int r = 0; r < (data == small ? 1 : rounds); r++) {
                System.gc();
                long wall = System.nanoTime(), cpu = cpu();
                System.out.printf("%n%s, %d threads, load %.2f%n", data == small ? "warm-up" : "ML-1M shape", threads, load());
                start();
                UserItemMatrix m = UserItemMatrix.of(split[0]);
                lap("matrix");
                double[][] g = Ease.gram(m, 500, threads);
                lap("gram X'X");
                Cholesky.factor(g, threads);
                lap("cholesky");
                double[][] w = SpdInverse.lowerInverse(g, threads);
                lap("W = L^-1");
                double[][] p = SpdInverse.gramOfLower(w, g, threads);
                lap("P = W'W");
                float[][] b = Ease.weights(p, threads);
                lap("B");
                TopKLists lists = Ranking.rank(m, users, 10, threads, () -> (x, s) -> Ease.score(m, b, x, s));
                lap("score + top-10");
                System.out.printf("total %.2f s wall, %.2f s cpu; NDCG@10 %.6f; load %.2f%n",
                        (System.nanoTime() - wall) / 1e9, (cpu() - cpu) / 1e9, TestData.ndcg(lists, split[1], 10), load());
                start();
                Ranking.rank(m, users, 10, threads, () -> (x, s) -> { });
                lap("(top-10 alone)");
            }
        }
    }

    private static void start() {
        w0 = System.nanoTime();
        c0 = cpu();
    }

    private static void lap(String phase) {
        long w = System.nanoTime(), c = cpu();
        System.out.printf("  %-16s %6.2f s wall %6.2f s cpu%n", phase, (w - w0) / 1e9, (c - c0) / 1e9);
        w0 = System.nanoTime();
        c0 = cpu();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
