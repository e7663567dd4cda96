package dev.retort.bench.rec;

import dev.retort.rec.metric.ArrayRankedLists;
import dev.retort.rec.metric.EvalResult;
import dev.retort.rec.metric.Evaluator;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.rec.metric.Relevance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whole-evaluation benchmark: 1,000,000 users x top-100 lists, every ranking metric (ndcg, hr, precision,
 * recall, map, mrr, coverage) at k in {5, 10, 20, 50, 100}. Synthetic, seeded data: 10 relevant items per user
 * out of 50,000; each list position is one of the user's relevant items with probability 3%, else a uniform
 * random item. Generation is not timed. Prints the median of 7 timed runs after 3 warm-up runs.
 * <p>Usage: {@code java -Xmx6g -cp retort-bench.jar dev.retort.bench.rec.EvalBench [users] [threads]}
 */
public final class EvalBench {
    private static final int ITEMS = 50_000, LIST = 100, RELEVANT = 10, WARMUP = 3, RUNS = 7;
    private static final double HIT_PROBABILITY = 0.03;

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(20261123L);
        int[][] relevant = new int[users][RELEVANT];
        int[] userOfRow = new int[users];
        int[] offsets = new int[users + 1];
        int[] items = new int[users * LIST];
        float[] scores = new float[users * LIST];
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < RELEVANT; i++) relevant[u][i] = rnd.nextInt(ITEMS);
            userOfRow[u] = u;
            offsets[u + 1] = offsets[u] + LIST;
            for (int r = 0; r < LIST; r++) {
                int at = u * LIST + r;
                items[at] = rnd.nextDouble() < HIT_PROBABILITY ? relevant[u][rnd.nextInt(RELEVANT)] : rnd.nextInt(ITEMS);
                scores[at] = LIST - r;
            }
        }
        ArrayRankedLists lists = new ArrayRankedLists(userOfRow, offsets, items, scores);
        Relevance relevance = Relevance.of(ITEMS, relevant);
        List<String> names = new ArrayList<>();
        for (String f : new String[] {"ndcg", "hr", "precision", "recall", "map", "mrr", "coverage"}) {
            for (int k : new int[] {5, 10, 20, 50, 100}) names.add(f + "@" + k);
        }
        Evaluator evaluator = Evaluator.of(MetricSpec.parseAll("EvalBench", "metrics", names)).threads(threads);
        System.out.printf("generated %,d users x %d items, %d metrics, in %.1f s; threads=%d%n",
                users, LIST, names.size(), (System.nanoTime() - t0) / 1e9, threads);

        EvalResult result = null;
        for (int i = 0; i < WARMUP; i++) result = evaluator.evaluate(lists, relevance);
        double[] seconds = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            result = evaluator.evaluate(lists, relevance);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (processCpuNanos() - cpuStart) / 1e9;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf("runs (s): %s%n", Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 1000) / 1000.0).toArray()));
        System.out.printf("median %.3f s, min %.3f s, max %.3f s over %d runs after %d warm-up%n",
                sorted[RUNS / 2], sorted[0], sorted[RUNS - 1], RUNS, WARMUP);
        Arrays.sort(cpu);
        // Other processes sharing the cores inflate wall time; CPU time / threads estimates an idle machine.
        System.out.printf("process CPU time: median %.3f s (/ %d threads = %.3f s)%n",
                cpu[RUNS / 2], threads, cpu[RUNS / 2] / threads);
        System.out.printf("evaluated %,d, excluded %,d; ndcg@10=%.5f recall@100=%.5f map@20=%.5f coverage@5=%.5f%n",
                result.evaluatedUsers(), result.excludedUsers(), result.value("ndcg@10"), result.value("recall@100"),
                result.value("map@20"), result.value("coverage@5"));
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private EvalBench() {}
}
