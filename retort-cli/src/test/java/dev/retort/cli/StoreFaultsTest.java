package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.StoreException;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the store and the disk, with real SQLite files and real processes: the store deleted or replaced
 * under a run, a store lost beside earlier trial directories, a damaged store, a full disk.
 */
class StoreFaultsTest {
    private static final String SLOW_PLAN = """
            experiment: faults
            objective:
              command: [sh, -c, 'sleep 0.05; echo "{{\\"value\\": {a}}}"']
            space: {a: {range: [0, 300]}}
            """;

    @TempDir
    Path tmp;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void deleting_the_experiment_directory_during_a_run_stops_the_run_with_exit_1() throws Exception {
        Path plan = write("slow.yaml", SLOW_PLAN);
        Path exp = tmp.resolve("exp");
        Process run = cli(tmp.resolve("run.log"), "run", plan.toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress");
        awaitDone(exp, 5, run);
        deleteTree(exp);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("run stops").isTrue();
        String log = Files.readString(tmp.resolve("run.log"));
        assertThat(run.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("the store " + exp.toAbsolutePath().resolve("retort.db") + " was deleted, moved or replaced")
                .doesNotContain("\tat ");
    }

    @Test
    void a_worker_stops_with_exit_1_when_retort_db_is_replaced_under_it() throws Exception {
        Path plan = write("slow.yaml", SLOW_PLAN);
        Path exp = tmp.resolve("exp");
        try (Experiment e = Experiment.open(new PlanParser(getClass().getClassLoader()).parse(plan), exp,
                Experiment.Mode.STRICT, Clock.systemUTC())) {
            assertThat(e.row().name()).isEqualTo("faults");
        }
        Process worker = cli(tmp.resolve("worker.log"), "worker", exp.toString());
        awaitDone(exp, 3, worker);
        Path db = exp.resolve(Experiment.DB_FILE);
        Path copy = exp.resolve("copy.db");
        Files.copy(db, copy);
        Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("worker stops").isTrue();
        String log = Files.readString(tmp.resolve("worker.log"));
        assertThat(worker.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("was deleted, moved or replaced", "the file there is another one").doesNotContain("\tat ");
    }

    @Test
    void a_worker_never_recreates_a_trial_directory_after_the_experiment_directory_was_taken_away() throws Exception {
        Path plan = write("ghost.yaml", """
                experiment: ghost
                objective: {class: dev.retort.cli.DirectoryDeletingObjective}
                space: {a: {range: [1, 400]}}
                """);
        Path exp = tmp.resolve("exp");
        try (Experiment e = Experiment.open(new PlanParser(getClass().getClassLoader()).parse(plan), exp,
                Experiment.Mode.STRICT, Clock.systemUTC())) {
            assertThat(e.row().name()).isEqualTo("ghost");
        }
        Process worker = cli(tmp.resolve("worker.log"), "worker", exp.toString());
        assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("worker stops").isTrue();
        String log = Files.readString(tmp.resolve("worker.log"));
        assertThat(worker.exitValue()).as(log).isEqualTo(1);
        // trial 300 took it away midway through a claimed batch (up to 64 trials once they are this fast)
        assertThat(tmp.resolve("exp-gone/trials")).isDirectory();
        assertThat(exp).as("no later trial may bring back " + exp + "/trials/<trial>/").doesNotExist();
        assertThat(log).contains("was deleted, moved or replaced").doesNotContain("\tat ");
    }

    @Test
    void a_worker_in_a_long_trial_stops_at_its_next_heartbeat_when_retort_db_is_deleted() throws Exception {
        Path plan = write("long.yaml", """
                experiment: long
                objective:
                  command: [sh, -c, 'sleep 90; echo "{{\\"value\\": {a}}}"']
                space: {a: [1, 2]}
                store: {lease: 4s, heartbeat: 500ms}
                """);
        Path exp = tmp.resolve("exp");
        try (Experiment e = Experiment.open(new PlanParser(getClass().getClassLoader()).parse(plan), exp,
                Experiment.Mode.STRICT, Clock.systemUTC())) {
            assertThat(e.row().name()).isEqualTo("long");
        }
        Process worker = cli(tmp.resolve("worker.log"), "worker", exp.toString());
        CliInterruptTest.awaitTrial(exp, 1, t -> t.state() == TrialState.RUNNING, 120_000);
        deleteStore(exp);
        long t0 = System.nanoTime();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("the worker stops long before its 90 s trial ends").isTrue();
        String log = Files.readString(tmp.resolve("worker.log"));
        assertThat(worker.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("was deleted, moved or replaced", "no file is there any more").doesNotContain("\tat ");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(60);
    }

    @Test
    void run_refuses_to_overwrite_trial_directories_when_the_store_is_missing_or_empty() throws Exception {
        Path plan = write("quick.yaml", """
                experiment: lost
                objective:
                  command: [sh, -c, 'echo "{{\\"value\\": {a}}}"']
                space: {a: [1, 2, 3]}
                """);
        Path exp = tmp.resolve("exp");
        Cli.Result first = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress");
        assertThat(first.code()).as(first.toString()).isZero();
        Map<Path, Long> before = stamps(exp.resolve("trials"));
        assertThat(before).isNotEmpty();
        deleteStore(exp);

        Cli.Result missing = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("the store retort.db is missing, but 3 trial directories", exp.resolve("trials").toString(),
                "--overwrite-trials").doesNotContain("\tat ");
        assertThat(exp.resolve(Experiment.DB_FILE)).as("nothing written").doesNotExist();

        Files.createFile(exp.resolve(Experiment.DB_FILE));
        Cli.Result empty = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress");
        assertThat(empty.code()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.err()).contains("the store retort.db is empty, but 3 trial directories");
        assertThat(Files.size(exp.resolve(Experiment.DB_FILE))).as("nothing written").isZero();
        assertThat(stamps(exp.resolve("trials"))).as("trial directories untouched").isEqualTo(before);

        Cli.Result overwrite = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress", "--overwrite-trials");
        assertThat(overwrite.code()).as(overwrite.toString()).isZero();
        assertThat(CliInterruptTest.byId(exp).values()).extracting(TrialRecord::state).containsOnly(TrialState.DONE);
    }

    @Test
    void damaged_pages_end_worker_status_results_and_export_with_exit_1_and_how_to_check() throws Exception {
        Path exp = finishedNoopExperiment();
        Path db = exp.resolve(Experiment.DB_FILE);
        // the middle leaf page of the trial table: inside the file, past every page the claims read
        damageMiddleLeaf(db, "trial");

        Process worker = cli(tmp.resolve("worker.log"), "worker", exp.toString());
        assertThat(worker.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("worker.log"));
        assertThat(worker.exitValue()).as(log).isEqualTo(1);
        assertDamagedMessage(log, db);
        for (String command : List.of("status", "results", "export")) {
            Cli.Result r = Cli.run(command, exp.toString());
            assertThat(r.code()).as(command + ": " + r).isEqualTo(1);
            assertDamagedMessage(r.err(), db);
        }
    }

    @Test
    void a_retort_db_that_is_not_a_database_ends_every_command_with_exit_1_and_how_to_check() throws Exception {
        Path exp = tmp.resolve("garbage");
        Files.createDirectories(exp);
        Path db = exp.resolve(Experiment.DB_FILE);
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(db, garbage);
        Path plan = write("quick.yaml", """
                experiment: garbage
                objective: {class: dev.retort.examples.Noop}
                space: {a: [1, 2]}
                """);
        Process worker = cli(tmp.resolve("worker.log"), "worker", exp.toString());
        assertThat(worker.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("worker.log"));
        assertThat(worker.exitValue()).as(log).isEqualTo(1);
        assertDamagedMessage(log, db);
        List<String[]> commands = List.of(new String[]{"status", exp.toString()}, new String[]{"results", exp.toString()},
                new String[]{"export", exp.toString()}, new String[]{"reset", exp.toString()},
                new String[]{"run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress"});
        for (String[] command : commands) {
            Cli.Result r = Cli.run(command);
            assertThat(r.code()).as(command[0] + ": " + r).isEqualTo(1);
            assertDamagedMessage(r.err(), db);
        }
        assertThat(Files.readAllBytes(db)).as("the damaged file is left as it was").isEqualTo(garbage);
    }

    @Test
    void a_full_disk_ends_the_run_with_exit_1_no_space_left_and_keeps_every_done_trial() throws Exception {
        Path mount = tmp.resolve("small");
        Files.createDirectories(mount);
        exec("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        try {
            Path plan = write("full.yaml", """
                    experiment: full
                    objective:
                      command: [sh, -c, 'head -c 150000 /dev/zero > "$RETORT_TRIAL_DIR/blob" && echo "{{\\"value\\": {a}}}"']
                    space: {a: {range: [0, 40]}}
                    store: {lease: 2s, heartbeat: 500ms}
                    """);
            Path exp = mount.resolve("exp");
            Process run = cli(tmp.resolve("run.log"), "run", plan.toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress");
            assertThat(run.waitFor(180, TimeUnit.SECONDS)).as("run stops").isTrue();
            String log = Files.readString(tmp.resolve("run.log"));
            assertThat(run.exitValue()).as(log).isEqualTo(1);
            assertThat(log).contains("no space left on " + exp.toAbsolutePath()).doesNotContain("\tat ");

            exec("mount", "-o", "remount,size=16m", mount.toString()); // free space: the same command resumes
            Map<Long, TrialRecord> before = CliInterruptTest.byId(exp);
            List<TrialRecord> done = before.values().stream().filter(t -> t.state() == TrialState.DONE).toList();
            assertThat(done).as(log).isNotEmpty().hasSizeLessThan(40);
            assertThat(done).allSatisfy(t -> assertThat(t.metric()).isEqualTo(((Number) t.config().get("a")).doubleValue()));

            Cli.Result again = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress");
            assertThat(again.code()).as(again.toString()).isZero();
            Map<Long, TrialRecord> after = CliInterruptTest.byId(exp);
            assertThat(after.values()).extracting(TrialRecord::state).containsOnly(TrialState.DONE);
            for (TrialRecord t : done) {
                assertThat(after.get(t.id()).version()).as("trial " + t.id() + " kept, not run again").isEqualTo(t.version());
                assertThat(after.get(t.id()).resultJson()).isEqualTo(t.resultJson());
            }
        } finally {
            exec("umount", "-l", mount.toString());
        }
    }

    @Test
    void a_run_whose_workers_meet_damaged_pages_ends_with_exit_1_and_how_to_check() throws Exception {
        Path plan = write("pending.yaml", """
                experiment: pending
                objective: {class: dev.retort.examples.Noop}
                space: {a: {range: [0, 3000]}}
                """);
        Path exp = tmp.resolve("pending");
        try (Experiment e = Experiment.open(new PlanParser(getClass().getClassLoader()).parse(plan), exp,
                Experiment.Mode.STRICT, Clock.systemUTC())) {
            assertThat(e.row().name()).isEqualTo("pending");
        }
        Path db = exp.resolve(Experiment.DB_FILE);
        damageMiddleLeaf(db, "trial_by_state"); // the index every claim reads
        Process run = cli(tmp.resolve("run.log"), "run", plan.toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress");
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("run.log"));
        assertThat(run.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("the store " + db.toAbsolutePath() + " is damaged",
                "sqlite3 " + db.toAbsolutePath() + " 'PRAGMA integrity_check'").doesNotContain("\tat ");
    }

    @Test
    void a_full_disk_under_the_trial_directories_returns_the_trial_to_pending_instead_of_failing_it() throws Exception {
        Path mount = tmp.resolve("small");
        Files.createDirectories(mount);
        exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        try {
            Path plan = write("full.yaml", """
                    experiment: trialsfull
                    objective:
                      command: [sh, -c, 'head -c 150000 /dev/zero > "$RETORT_TRIAL_DIR/blob" && echo "{{\\"value\\": {a}}}"']
                    space: {a: {range: [0, 20]}}
                    """);
            Path exp = tmp.resolve("exp");
            Files.createDirectories(exp);
            Files.createSymbolicLink(exp.resolve("trials"), mount); // the store has room; the trials' disk has not
            Cli.Result r = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress");
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("no space left on " + exp.toAbsolutePath().resolve("trials")).doesNotContain("\tat ");
            Map<Long, TrialRecord> trials = CliInterruptTest.byId(exp);
            assertThat(trials.values()).as("a full disk fails no trial").extracting(TrialRecord::state)
                    .doesNotContain(TrialState.FAILED, TrialState.RUNNING).contains(TrialState.DONE, TrialState.PENDING);
        } finally {
            exec("umount", "-l", mount.toString());
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Overwrites most of the middle leaf page of {@code btree} (a table or index) with 0xFF bytes. */
    private static void damageMiddleLeaf(Path db, String btree) throws Exception {
        List<Long> leaves = new ArrayList<>();
        long pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT pageno FROM dbstat WHERE name = '" + btree + "' AND pagetype = 'leaf' ORDER BY pageno")) {
                while (rs.next()) leaves.add(rs.getLong(1));
            }
        }
        assertThat(leaves).as(btree + " leaf pages").hasSizeGreaterThan(4);
        long page = leaves.get(leaves.size() / 2);
        byte[] junk = new byte[(int) pageSize - 200];
        Arrays.fill(junk, (byte) 0xFF);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((page - 1) * pageSize + 100);
            f.write(junk);
        }
    }

    private static void assertDamagedMessage(String output, Path db) {
        assertThat(output).contains("the store " + db.toAbsolutePath() + " is damaged",
                "sqlite3 " + db.toAbsolutePath() + " 'PRAGMA integrity_check'").doesNotContain("\tat ");
        assertThat(output.lines().filter(l -> l.startsWith("retort: ")).count()).as(output).isEqualTo(1);
    }

    private Path finishedNoopExperiment() throws IOException {
        Path plan = write("noop.yaml", """
                experiment: noop
                objective: {class: dev.retort.examples.Noop}
                space: {a: {range: [0, 3000]}, pad: ['a longer string so that the trial table spans many pages of the file']}
                """);
        Path exp = tmp.resolve("noop");
        Cli.Result r = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(exp.resolve("retort.db-wal")).as("checkpointed and closed").doesNotExist();
        return exp;
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Process cli(Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        started.add(p);
        return p;
    }

    /** Polls the store (another process writes it: there is no event to wait on) until n trials are DONE. */
    private static void awaitDone(Path exp, int n, Process writer) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(writer.isAlive()).as("the process writing the store is still running").isTrue();
            if (Files.exists(exp.resolve(Experiment.DB_FILE))) {
                try (Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore s = e.store()) {
                    if (s.counts().get(TrialState.DONE) >= n) return;
                } catch (PlanException | StoreException notYet) {
                    // not created yet
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + n + " trials DONE in " + exp + " after 120 s");
    }

    private static Map<Path, Long> stamps(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() * 31 + Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    private static void deleteStore(Path exp) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(exp.resolve(Experiment.DB_FILE + suffix));
    }

    /** Deletes a tree that running workers may still be writing into: retried until it is gone. */
    private static void deleteTree(Path root) throws Exception {
        for (int round = 0; round < 20 && Files.exists(root); round++) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (NoSuchFileException | java.nio.file.DirectoryNotEmptyException raced) {
                        // a worker wrote meanwhile: the next round takes it
                    }
                }
            } catch (NoSuchFileException | java.io.UncheckedIOException raced) {
                // walked into something already deleted
            }
        }
    }

    private static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new AssertionError(String.join(" ", cmd) + " failed (this test needs root to mount a small tmpfs): " + out);
    }
}
