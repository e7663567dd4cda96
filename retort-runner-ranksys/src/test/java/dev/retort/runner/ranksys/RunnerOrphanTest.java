package dev.retort.runner.ranksys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerOrphanTest {
    @Test
    void a_runner_fitting_when_its_worker_is_killed_with_minus_9_exits_and_leaves_no_orphan(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process worker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WorkerStandIn.class.getName(), dir.toString()).redirectError(dir.resolve("worker.err").toFile()).start();
        long runnerPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("worker stderr: " + (Files.exists(dir.resolve("worker.err")) ? Files.readString(dir.resolve("worker.err")) : "")).startsWith("runner ");
            runnerPid = Long.parseLong(line.substring(7));
            // the stand-in prints the pid just before it sends fit, so the kill lands around the start of the fit
            Optional<ProcessHandle> runner = ProcessHandle.of(runnerPid);
            assertThat(runner).isPresent();
            assertThat(worker.descendants().map(ProcessHandle::pid).toList()).contains(runnerPid);
            Runtime.getRuntime().exec(new String[]{"kill", "-9", Long.toString(worker.pid())}).waitFor();
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(worker.exitValue()).isEqualTo(137);
            // the runner sees the end of its stdin and exits: await that event, bounded
            runner.get().onExit().get(30, TimeUnit.SECONDS);
            assertThat(runner.get().isAlive()).isFalse();
        }
        long pid = runnerPid;
        List<ProcessHandle> left = ProcessHandle.allProcesses().filter(p -> p.pid() == pid && p.isAlive()).toList();
        assertThat(left).as("runner process " + pid + " still in the process table").isEmpty();
    }
}
