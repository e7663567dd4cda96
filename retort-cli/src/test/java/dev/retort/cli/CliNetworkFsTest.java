package dev.retort.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory store on a network filesystem is refused by {@code run} and {@code worker}, in real processes whose
 * mount table is a synthetic file (named by -Dretort.mountinfo or RETORT_MOUNTINFO) saying the directory is NFS.
 */
class CliNetworkFsTest {
    @TempDir
    Path tmp;

    Path nfs, local, mountinfo, plan;

    @BeforeEach
    void setUp() throws Exception {
        Path root = tmp.toRealPath();
        nfs = Files.createDirectories(root.resolve("nfs"));
        local = Files.createDirectories(root.resolve("local"));
        mountinfo = root.resolve("mountinfo");
        Files.write(mountinfo, List.of(
                "22 1 0:21 / / rw,relatime - overlay overlay rw",
                "40 22 0:40 / " + nfs + " rw,relatime - nfs4 fs.lab:/export rw,vers=4.2"));
        plan = root.resolve("plan.yaml");
        Files.writeString(plan, """
                experiment: onnfs
                objective: {class: dev.retort.examples.Branin}
                space: {x1: [1, 2, 3], x2: [2]}
                """);
    }

    /** Runs {@code retort args} in a child JVM; {@code viaEnv} names the mount table by environment variable instead of property. */
    Cli.Result child(boolean viaEnv, String... args) throws Exception {
        Path log = Files.createTempFile(tmp, "child", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1"));
        if (!viaEnv) cmd.add("-D" + NetworkFs.PROPERTY + "=" + mountinfo);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (viaEnv) pb.environment().put(NetworkFs.ENV, mountinfo.toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child exited").isTrue();
        return new Cli.Result(p.exitValue(), "", Files.readString(log));
    }

    static void assertRefusal(Cli.Result r, String flag, Path dir) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("retort: " + flag + ": '" + dir + "' is on a network filesystem (nfs4, mounted at ",
                "SQLite's file locking is unreliable there, so trial state could be lost or corrupted",
                "--store postgresql://", "--allow-network-fs");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    }

    @Test
    void run_refuses_an_experiment_directory_on_nfs_and_writes_nothing() throws Exception {
        Path exp = nfs.resolve("runs/onnfs");
        assertRefusal(child(false, "run", plan.toString(), "--dir", exp.toString(), "--no-progress"), "--dir", exp);
        assertThat(nfs.resolve("runs")).doesNotExist();
    }

    @Test
    void run_with_allow_network_fs_runs_its_worker_processes_there_too() throws Exception {
        Path exp = nfs.resolve("runs/onnfs");
        Cli.Result r = child(false, "run", plan.toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress", "--allow-network-fs");
        assertThat(r.code()).as(r.toString()).isZero(); // the worker children inherit the mount table and must not refuse
        assertThat(r.err()).contains("3 done");
    }

    @Test
    void run_on_a_local_directory_is_not_refused() throws Exception {
        Cli.Result r = child(false, "run", plan.toString(), "--dir", local.resolve("onnfs").toString(), "--threads", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void worker_refuses_an_experiment_directory_on_nfs_named_by_the_environment_variable() throws Exception {
        Path exp = nfs.resolve("onnfs");
        assertThat(child(false, "run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress", "--allow-network-fs").code()).isZero();
        assertRefusal(child(true, "worker", exp.toString()), "DIR", exp);
        Cli.Result allowed = child(true, "worker", exp.toString(), "--allow-network-fs");
        assertThat(allowed.code()).as(allowed.toString()).isZero();
        assertThat(allowed.err()).contains("0 trials");
    }
}
