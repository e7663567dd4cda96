package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.WorkerRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@code retort} command in a child JVM on the test class path, and reads of the store it writes. */
final class ChildRun {
    private ChildRun() {
    }

    /** Starts {@code Main args} with its output in {@code log}; {@code jvmOptions} go before the class name. */
    static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        return start(log, jvmOptions, java.util.Map.of(), args);
    }

    /** As above, with {@code env} added to this JVM's environment. */
    static Process start(Path log, List<String> jvmOptions, java.util.Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Reads the store in {@code exp}; null while the experiment does not exist yet. */
    static <T> T read(Path exp, Function<TrialStore, T> f) {
        if (!Files.exists(exp.resolve(Experiment.DB_FILE))) return null;
        try (Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore s = e.store()) {
            return f.apply(s);
        } catch (dev.retort.PlanException notYet) {
            return null;
        }
    }

    static List<TrialRecord> running(Path exp) {
        List<TrialRecord> r = read(exp, s -> s.trials(TrialState.RUNNING));
        return r == null ? List.of() : r;
    }

    static long pidOf(Path exp, String workerId) {
        return read(exp, s -> s.workers().stream().filter(w -> w.id().equals(workerId)).mapToLong(WorkerRecord::pid).findFirst().orElseThrow());
    }

    /** Polls {@code probe} (other processes change what it reads; there is no event) until it is non-null. */
    static <T> T await(String what, long millis, java.util.function.Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            T v = probe.get();
            if (v != null) return v;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + millis + " ms waiting for " + what);
            Thread.sleep(50); // the poll interval
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void kill(long pid, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }
}
