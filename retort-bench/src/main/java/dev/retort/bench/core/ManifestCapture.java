package dev.retort.bench.core;

import dev.retort.manifest.CaptureInput;
import dev.retort.manifest.Hashing;
import dev.retort.manifest.RunManifest;
import dev.retort.plan.PlanParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.retort.bench.core.BenchUtil.f;

/**
 * What the manifest costs a run: from {@link RunManifest#start} to {@link RunManifest#awaitCaptured} (plan, code
 * hashes, command files, {@code capture:} files copied into {@code captured/}, git, host, the first write) for a
 * command plan whose captured files total {@code MB} megabytes, against the same plan without {@code capture:},
 * each in a fresh JVM (as every {@code retort run} is: nothing JIT-compiled, nothing cached) into a fresh experiment
 * directory, alternating, median of {@code REPS}. The capture runs on its own thread beside the trials, so this
 * is the most it can add to a run's wall time. Retort's code here is the bench jar (45 MB, the size of
 * retort.jar), hashed as a run hashes retort.jar.
 *
 * <p>Then what a whole {@code retort run} of that plan (4 command trials, a fresh experiment directory each time)
 * takes with the 10 MB capture, without {@code capture:}, and with {@code -Dretort.baseline.jar}, a Retort jar
 * built before manifests existed (bench/manifest.sh builds one), alternating, median of {@code REPS}: the
 * manifest's cost as the user sees it.
 * <p>{@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.ManifestCapture [MB] [REPS]}
 */
public final class ManifestCapture {
    private ManifestCapture() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("once")) { // in the child JVM: one capture, its milliseconds on stdout
            System.out.println(start(new PlanParser(ManifestCapture.class.getClassLoader()), Path.of(args[1]), Path.of(args[2])));
            return;
        }
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path work = Files.createTempDirectory("retort-manifest-bench");
        try {
            Path user = Files.createDirectories(work.resolve("user"));
            Files.writeString(user.resolve("obj.sh"), "#!/bin/sh\necho \"{\\\"value\\\": $1}\"\n");
            Files.createDirectories(user.resolve("data"));
            Random r = new Random(1);
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < mb; i++) {
                r.nextBytes(block);
                Files.write(user.resolve("data/part-" + i + ".bin"), block);
            }
            String base = "experiment: capture\nobjective: {command: [sh, obj.sh, '{a}']}\nspace: {a: [1, 2, 3, 4]}\n";
            Files.writeString(user.resolve("with.yaml"), base + "capture: ['data/*.bin']\n");
            Files.writeString(user.resolve("without.yaml"), base);

            double[] with = new double[reps], without = new double[reps];
            for (int i = -1; i < reps; i++) { // one round to warm the page cache
                double w = child(user.resolve("with.yaml"), work.resolve("with-" + i));
                double wo = child(user.resolve("without.yaml"), work.resolve("without-" + i));
                if (i >= 0) {
                    with[i] = w;
                    without[i] = wo;
                }
                BenchUtil.deleteTree(work.resolve("with-" + i));
                BenchUtil.deleteTree(work.resolve("without-" + i));
            }
            Path jar = Path.of(dev.retort.Retort.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            double[] jarHash = new double[5];
            for (int i = 0; i < jarHash.length; i++) {
                long t0 = System.nanoTime();
                Hashing.of(jar);
                jarHash[i] = (System.nanoTime() - t0) / 1e6;
            }
            double mw = BenchUtil.median(with), mwo = BenchUtil.median(without), mj = BenchUtil.median(jarHash);
            System.out.println(f("manifest capture in a fresh JVM, %d MB of capture: files: median %.1f ms (min %.1f); without capture: %.1f ms; hashing %s (%.1f MB) alone, warm: %.1f ms",
                    mb, mw, min(with), mwo, jar.getFileName(), Files.size(jar) / 1e6, mj));
            BenchUtil.summary("manifest capture, " + mb + " MB of capture: files (fresh JVM, start to written)", f("%.1f ms", mw), "<= 50 ms",
                    mw <= 50 ? "PASS" : "FAIL", "-");
            BenchUtil.summary("manifest capture without capture: files (code hashes, plan, host)", f("%.1f ms", mwo), "-", "-", "-");
            wholeRuns(user, work, reps);
        } finally {
            BenchUtil.deleteTree(work);
        }
    }

    private static double start(PlanParser parser, Path planFile, Path dir) throws Exception {
        PlanParser.Read read = parser.read(planFile); // a run reads its plan anyway: not the manifest's cost
        long t0 = System.nanoTime();
        RunManifest.start(new CaptureInput(planFile, read, dir, ManifestCapture.class.getClassLoader(), List.of(), List.of(),
                Map.of("workers", 1), System.getenv(), Clock.systemUTC())).awaitCaptured();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void wholeRuns(Path user, Path work, int reps) throws Exception {
        String baseline = System.getProperty("retort.baseline.jar");
        List<String> kinds = baseline == null ? List.of("with", "without") : List.of("with", "without", "baseline");
        Map<String, double[]> times = new java.util.TreeMap<>();
        for (String k : kinds) times.put(k, new double[reps]);
        for (int i = -1; i < reps; i++) {
            for (String k : kinds) {
                Path dir = work.resolve("run-" + k + "-" + i);
                List<String> cmd = new java.util.ArrayList<>(List.of(BenchUtil.java(), "-jar",
                        k.equals("baseline") ? Path.of(baseline).toAbsolutePath().toString() : BenchUtil.cliJar().toString(),
                        "run", user.resolve(k.equals("with") ? "with.yaml" : "without.yaml").toString(), "--dir", dir.toString(), "--no-progress"));
                BenchUtil.Run r = BenchUtil.run(user, cmd);
                if (r.exit() != 0) throw new IllegalStateException(k + " run failed: " + r.err());
                if (i >= 0) times.get(k)[i] = r.seconds() * 1000;
                BenchUtil.deleteTree(dir);
            }
        }
        double w = BenchUtil.median(times.get("with")), wo = BenchUtil.median(times.get("without"));
        System.out.println(f("whole retort run, median of %d: with 10 MB capture %.0f ms, without capture: %.0f ms%s", reps, w, wo,
                baseline == null ? "" : f(", the jar before manifests: %.0f ms", BenchUtil.median(times.get("baseline")))));
        BenchUtil.summary("whole run: added by the capture: files", f("%+.0f ms", w - wo), "<= 50 ms", w - wo <= 50 ? "PASS" : "FAIL",
                f("%.3f", w / wo));
        if (baseline != null) {
            double b = BenchUtil.median(times.get("baseline"));
            BenchUtil.summary("whole run: added by the manifest with 10 MB capture, vs the jar before manifests", f("%+.0f ms", w - b),
                    "<= 50 ms", w - b <= 50 ? "PASS" : "FAIL", f("%.3f", w / b));
        }
    }

    private static double child(Path plan, Path dir) throws Exception {
        BenchUtil.Run r = BenchUtil.run(plan.getParent(), List.of(BenchUtil.java(), "-cp", Path.of(System.getProperty("java.class.path")).toAbsolutePath().toString(),
                ManifestCapture.class.getName(), "once", plan.toString(), dir.toString()));
        if (r.exit() != 0) throw new IllegalStateException("capture failed: " + r.err());
        return Double.parseDouble(r.out().strip());
    }

    private static double min(double[] xs) {
        double m = Double.MAX_VALUE;
        for (double x : xs) m = Math.min(m, x);
        return m;
    }
}
