package dev.retort.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts real child JVMs on the test class path, for multi-process and kill -9 tests. */
public final class JavaProcesses {
    private JavaProcesses() {
    }

    public static Process start(Class<?> main, Path log, String... args) throws IOException {
        return startWith(List.of(), main, log, args);
    }

    /** {@link #start} under a command prefix, e.g. {@code ip netns exec NS} to run it on another "host". */
    public static Process startWith(List<String> prefix, Class<?> main, Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (log != null) pb.redirectOutput(log.toFile());
        else pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }
}
