package dev.retort.bench;

import dev.retort.Trial;
import dev.retort.objective.CommandObjective;
import dev.retort.objective.CommandSpec;
import dev.retort.objective.TrialFailedException;
import dev.retort.space.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@link CommandObjective} adds to the cost of starting a process: runs N trials (argument 1, default
 * 2000) of a program through the objective and N plain {@code ProcessBuilder.start().waitFor()} of the same
 * program, interleaved in blocks of 50 after a warm-up, and prints mean and median milliseconds per trial.
 * Two programs: {@code sh -c "echo '{"value":1}'"} (a real result on stdout) and {@code true} (no result, so
 * the objective's expected "produced no result" failure is part of what is timed). Trial directories are
 * created outside the timed region, as the engine creates them before calling the objective.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.CommandOverhead 500}
 */
public final class CommandOverhead {
    private static final int BLOCK = 50;

    private CommandOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path root = Files.createTempDirectory("retort-command-overhead");
        try {
            Case echo = new Case(root, "echo JSON",
                    List.of("sh", "-c", "echo '{{\"value\":1}}'"), List.of("sh", "-c", "echo '{\"value\":1}'"));
            Case truth = new Case(root, "true", List.of("true"), List.of("true"));
            for (Case c : List.of(echo, truth)) c.run(Math.max(20, Math.min(200, n / 5)), true);
            for (Case c : List.of(echo, truth)) c.run(n, false);
            System.out.printf(Locale.ROOT, "%d trials each, blocks of %d, interleaved%n", n, BLOCK);
            for (Case c : List.of(echo, truth)) c.report();
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One program measured both ways. */
    private static final class Case {
        private final Path root;
        private final String name;
        private final CommandObjective objective;
        private final List<String> plainArgv;
        private double[] viaObjective;
        private double[] plain;
        private long trialIds;

        Case(Path root, String name, List<String> templateArgv, List<String> plainArgv) {
            this.root = root;
            this.name = name;
            this.objective = new CommandObjective(new CommandSpec(templateArgv, null, null, null));
            this.plainArgv = plainArgv;
        }

        void run(int n, boolean warmUp) throws Exception {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int start = 0, block = 0; start < n; start += BLOCK, block++) {
                int end = Math.min(n, start + BLOCK);
                // Alternate which side goes first so drift in machine load hits both alike.
                if (block % 2 == 0) {
                    timeObjective(a, start, end);
                    timePlain(b, start, end);
                } else {
                    timePlain(b, start, end);
                    timeObjective(a, start, end);
                }
            }
            if (!warmUp) {
                viaObjective = a;
                plain = b;
            }
        }

        private void timeObjective(double[] out, int from, int to) throws Exception {
            for (int i = from; i < to; i++) {
                long id = ++trialIds;
                Trial t = new Trial(id, Config.of("i", id), Files.createDirectories(root.resolve(name.replace(' ', '-') + id)), 1);
                long t0 = System.nanoTime();
                try {
                    objective.evaluate(t);
                } catch (TrialFailedException e) {
                    if (!e.getMessage().startsWith("produced no result")) throw e;
                }
                out[i] = (System.nanoTime() - t0) / 1e6;
            }
        }

        private void timePlain(double[] out, int from, int to) throws IOException, InterruptedException {
            for (int i = from; i < to; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(plainArgv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
                out[i] = (System.nanoTime() - t0) / 1e6;
                p.getOutputStream().close(); // release the pipes now rather than at garbage collection
                p.getErrorStream().close();
            }
        }

        void report() {
            double mo = mean(viaObjective), mp = mean(plain), ho = median(viaObjective), hp = median(plain);
            System.out.printf(Locale.ROOT, "%-10s CommandObjective mean %.3f ms, median %.3f ms | plain ProcessBuilder"
                    + " mean %.3f ms, median %.3f ms | overhead mean %+.3f ms, median %+.3f ms%n",
                    name, mo, ho, mp, hp, mo - mp, ho - hp);
        }
    }

    private static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElse(Double.NaN);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
