package dev.retort.bench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Small helpers shared by the whole-run benchmarks: processes, load average, the store, summary lines. */
final class BenchUtil {
    private BenchUtil() {
    }

    /** The 1-minute load average, from /proc/loadavg (NaN when unreadable). */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The CLI jar: -Dretort.jar, else retort-cli/target/retort.jar under the working directory. */
    static Path cliJar() {
        Path jar = Path.of(System.getProperty("retort.jar", "retort-cli/target/retort.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no CLI jar at " + jar + "; build with mvn -DskipTests install");
        return jar;
    }

    /** The java that runs this benchmark, so child processes use the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A finished process: exit code, wall time, and its stdout and stderr. */
    record Run(int exit, double seconds, String out, String err) {
    }

    /** Runs {@code cmd} in {@code cwd}, stdout and stderr to files, and times it from start() to exit. */
    static Run run(Path cwd, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bench-out", ".txt");
        Path err = Files.createTempFile("bench-err", ".txt");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            int code = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            return new Run(code, s, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * {@code java -jar retort.jar args...} with optional JVM options before -jar, and the class-data archive
     * of {@code -Dretort.jsa} when given, as the {@code ./retort} launcher uses one.
     */
    static List<String> retort(List<String> jvmOpts, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        String jsa = System.getProperty("retort.jsa");
        if (jsa != null && Files.exists(Path.of(jsa))) cmd.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        cmd.addAll(jvmOpts);
        cmd.add("-jar");
        cmd.add(cliJar().toString());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    static Connection sqlite(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    /** Steady state from the store: DONE trials, min(started_at), max(finished_at) in epoch ms. */
    record Window(long done, long failed, long firstStart, long lastFinish) {
        double perSecond() {
            return done / Math.max(1e-3, (lastFinish - firstStart) / 1000.0);
        }
    }

    static Window window(Path db) throws SQLException {
        try (Connection c = sqlite(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SUM(state = 'DONE'), SUM(state = 'FAILED'), MIN(started_at), MAX(finished_at) FROM trial")) {
            rs.next();
            return new Window(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp directory
        }
    }

    /**
     * One machine-readable line per figure, collected by bench/run-core.sh into the summary table:
     * {@code SUMMARY|figure|measured|target|PASS/FAIL/-|ratio to bare SQLite or -|load}.
     */
    static void summary(String figure, String measured, String target, String verdict, String ratio) {
        summary(figure, measured, target, verdict, ratio, load());
    }

    /** As above, with the load average taken when the figure was measured. */
    static void summary(String figure, String measured, String target, String verdict, String ratio, double load) {
        System.out.printf(Locale.ROOT, "SUMMARY|%s|%s|%s|%s|%s|%.2f%n", figure, measured, target, verdict, ratio, load);
    }

    static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
