package dev.retort.bench.core;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Registration of a 1,000,000-config grid (100 x 100 x 100): parses the plan and times
 * {@code Experiment.open(plan, dir, STRICT, clock)} (which returns once the first chunk is committed) and the
 * rest of the registration ({@code awaitRegistered}) in this JVM, then reports wall time, peak RSS
 * ({@code VmHWM} of /proc/self/status) and heap (sum of the heap pools' peak usage, and used at the end).
 * Run it with {@code -Xmx512m} so the memory target is also a hard limit. A stack sampler on the main thread
 * prints what dominates.
 *
 * <p>Run: {@code java -Xmx512m -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.Registration1M
 * /tmp/reg1m [a b c]}. The directory is kept (its plan.yaml and retort.db are what {@link FinishedRun1M} uses);
 * it must not hold a store yet. Axes default to 100 100 100.
 */
public final class Registration1M {
    private Registration1M() {
    }

    static String planText(int a, int b, int c) {
        return "experiment: reg1m\n"
                + "objective: {class: dev.retort.examples.Noop}\n"
                + "metric: {name: value, goal: minimize}\n"
                + "space:\n"
                + "  a: {range: [0, " + a + "]}\n"
                + "  b: {range: [0, " + b + "]}\n"
                + "  c: {range: [0, " + c + "]}\n"
                + "search: grid\n";
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/retort-reg1m").toAbsolutePath();
        int a = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int b = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int c = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        long n = (long) a * b * c;
        Path expDir = dir.resolve("exp");
        if (Files.exists(expDir.resolve(Experiment.DB_FILE)))
            throw new IllegalStateException(expDir + " already holds a store; give a fresh directory");
        Files.createDirectories(dir);
        Path planFile = dir.resolve("plan.yaml");
        Files.writeString(planFile, planText(a, b, c));

        double load0 = BenchUtil.load();
        long t0 = System.nanoTime();
        Plan plan = new PlanParser(Registration1M.class.getClassLoader()).parse(planFile);
        long t1 = System.nanoTime();
        Counts counts;
        Sampler sampler = new Sampler(Thread.currentThread(), 10);
        try (Experiment exp = Experiment.open(plan, expDir, Experiment.Mode.STRICT, Clock.systemUTC())) {
            long tOpen = System.nanoTime(); // the first chunk is committed: workers could claim from here on
            sampler.close();
            Thread registering = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("retort-register")).findFirst().orElse(null);
            if (registering != null) sampler = new Sampler(registering, 10);
            if (!exp.awaitRegistered(600_000)) throw new IllegalStateException("registration did not complete");
            long t2 = System.nanoTime();
            sampler.close();
            try (TrialStore store = exp.store()) {
                counts = store.counts();
            }
            double parse = (t1 - t0) / 1e9, open = (t2 - t1) / 1e9, firstChunk = (tOpen - t1) / 1e9;
            double load1 = BenchUtil.load();
            long heapPeak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
                if (p.getType() == MemoryType.HEAP) heapPeak += p.getPeakUsage().getUsed();
            Runtime rt = Runtime.getRuntime();
            long heapUsed = rt.totalMemory() - rt.freeMemory();
            long hwmKb = vmHwmKb();
            if (counts.get(TrialState.PENDING) != n)
                throw new IllegalStateException("expected " + n + " PENDING trials, store counts " + counts.get(TrialState.PENDING));
            System.out.printf(Locale.ROOT, "registration of %d configs: Experiment.open returned (first chunk committed) after %.3f s%n",
                    n, firstChunk);
            System.out.printf(Locale.ROOT, "registration of %d configs (%dx%dx%d): parse %.3f s, Experiment.open to fully registered %.2f s"
                            + " (%.0f configs/s); peak RSS (VmHWM) %d MB; heap peak (sum of pool peaks) %d MB, used at end %d MB,"
                            + " max %d MB; db %d MB; load %.2f -> %.2f%n",
                    n, a, b, c, parse, open, n / open, hwmKb / 1024, heapPeak >> 20, heapUsed >> 20, rt.maxMemory() >> 20,
                    Files.size(expDir.resolve(Experiment.DB_FILE)) >> 20, load0, load1);
            sampler.print("what registration spends its time on", 12);
            double total = parse + open;
            String name = BenchUtil.f("register %d-config grid (parse + open + rest of registration)", n);
            BenchUtil.summary(name, BenchUtil.f("%.2f s", total), "<= 5 s", n == 1_000_000 ? (total <= 5 ? "PASS" : "FAIL") : "-",
                    "-", load1);
            BenchUtil.summary(BenchUtil.f("register %d-config grid: peak RSS (VmHWM), -Xmx%dm", n, rt.maxMemory() >> 20),
                    BenchUtil.f("%d MB (heap peak %d MB)", hwmKb / 1024, heapPeak >> 20), "<= 512 MB",
                    n == 1_000_000 ? (hwmKb / 1024 <= 512 ? "PASS" : "FAIL") : "-", "-", load1);
        }
    }

    static long vmHwmKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }
}
