package dev.retort.cli;

import dev.retort.RetortException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code retort worker} child processes with their logs in {@code logs/worker-<id>.out|.err}. */
final class WorkerProcesses {
    record Child(String id, Process process, Path err) {
    }

    private WorkerProcesses() {
    }

    /** Heap sizes, system properties and a class-data archive in use: workers run like the process that starts them. */
    static List<String> forwardedJvmOptions() {
        List<String> out = new ArrayList<>();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:ArchiveClassesAtExit=")) {
                continue; // the archive being written by this process is not ready for children
            }
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xlog:cds")
                    || (a.startsWith("-D") && !a.startsWith("-Djdk.") && !a.startsWith("-Djava."))) out.add(a);
        }
        return out;
    }

    /**
     * Starts one {@code retort worker} child. Its stdin is a pipe from this process that is never written:
     * when this process dies, even by {@code kill -9}, the pipe closes and the worker stops ({@code --watch-parent}),
     * returning its trials to PENDING, instead of running on as an orphan.
     *
     * @param where the worker's arguments that name the experiment ({@code StoreLocation.workerArgs})
     * @param env   added to the worker's environment: the plan's secret variables, which the store does not hold, and the store's password
     */
    static Child start(List<String> where, Path logsDir, String id, String classpath, java.util.Map<String, String> env) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(forwardedJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "worker"));
        cmd.addAll(where); // the experiment directory, or --store URL (no password) --experiment NAME --artifacts PATH
        cmd.addAll(List.of("--id", id, "--watch-parent", NetworkFs.OVERRIDE)); // the run checked the filesystem (or was told to allow it)
        if (classpath != null) cmd.addAll(List.of("--classpath", classpath));
        Path err = logsDir.resolve("worker-" + id + ".err");
        try {
            Files.createDirectories(logsDir);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            Process p = pb
                    .redirectOutput(logsDir.resolve("worker-" + id + ".out").toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            return new Child(id, p, err);
        } catch (IOException e) {
            throw new RetortException("cannot start worker process " + id + ": " + e.getMessage(), e);
        }
    }
}
