package dev.retort.rec.runner;

import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Protocol 1 against the reference Python runner and against deliberately broken runners (real processes). */
class RunnerProcessTest {
    static final Path REFERENCE = Path.of("../examples/runners/itempop.py").toAbsolutePath().normalize();
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    // users 0..3, items 0..3; item 1 is the most popular, then 0, then 2
    static final Interactions TRAIN = TestData.of(4, 4, new int[][]{
            {0, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {3, 3}});

    private static RunnerProcess reference(Path dir) {
        return RunnerProcess.start("py", List.of("python3", REFERENCE.toString()), dir, dir.resolve("logs"), TIMEOUT);
    }

    private static TopKLists fitPredict(RunnerProcess r, Path dir, String algo, Map<String, Object> config, int k)
            throws IOException {
        Path train = dir.resolve("train.tsv"), users = dir.resolve("users.txt"), out = dir.resolve("predictions.tsv");
        RunnerFiles.writeTrain(TRAIN, train);
        RunnerFiles.writeUsers(new int[]{0, 1, 2, 3}, users);
        Files.createDirectories(dir.resolve("model"));
        r.fit(algo, config, 42, train, TRAIN.numUsers(), TRAIN.numItems(), dir.resolve("model"), TIMEOUT);
        r.predict(users, k, out, TIMEOUT);
        return RunnerFiles.readPredictions(out);
    }

    /** A broken runner: a Python program that says hello (with {@code protocol}) and then runs {@code onFit}. */
    private static RunnerProcess broken(Path dir, int protocol, String onFit) throws IOException {
        Path script = dir.resolve("broken.py");
        Files.writeString(script, String.join("\n",
                "import sys, json, time",
                "print(json.dumps({'type': 'hello', 'protocol': " + protocol + ", 'framework': {'name': 'broken', 'version': '0'},"
                        + " 'algorithms': {'X': {'params': {}}}}), flush=True)",
                "for line in sys.stdin:",
                "    m = json.loads(line)",
                "    " + onFit,
                ""));
        return RunnerProcess.start("bad", List.of("python3", script.toString()), dir, dir.resolve("logs"), TIMEOUT);
    }

    @Test
    void the_reference_runner_says_hello_with_its_framework_and_parameters(@TempDir Path dir) {
        try (RunnerProcess r = reference(dir)) {
            RunnerHello h = r.hello();
            assertThat(h.protocol()).isEqualTo(1);
            assertThat(h.framework()).isEqualTo("retort-python-example/1.0");
            assertThat(h.algorithms()).containsOnlyKeys("ItemPop", "ItemKNN");
            assertThat(h.algorithms().get("ItemKNN").get("k")).containsEntry("type", "int").containsEntry("default", 50);
            assertThat(h.reuse()).isTrue();
        }
    }

    @Test
    void item_pop_from_the_reference_runner_ranks_by_popularity_without_training_items(@TempDir Path dir) throws IOException {
        try (RunnerProcess r = reference(dir)) {
            TopKLists lists = fitPredict(r, dir, "ItemPop", Map.of(), 2);
            assertThat(lists.size()).isEqualTo(4);
            assertThat(lists.items(0)).containsExactly(2, 3);      // 1 and 0 are its own
            assertThat(lists.items(1)).containsExactly(0, 3);
            assertThat(lists.items(3)).containsExactly(1, 0);
            assertThat(lists.scores(3)).containsExactly(3f, 2f);
        }
    }

    @Test
    void one_runner_process_serves_several_fits_one_after_the_other(@TempDir Path dir) throws IOException {
        try (RunnerProcess r = reference(dir)) {
            long pid = r.pid();
            TopKLists pop = fitPredict(r, dir, "ItemPop", Map.of(), 3);
            TopKLists knn = fitPredict(r, dir, "ItemKNN", Map.of("k", 10, "similarity", "cosine"), 3);
            assertThat(r.pid()).isEqualTo(pid);
            assertThat(r.isAlive()).isTrue();
            assertThat(knn).isNotEqualTo(pop);
            assertThat(knn.items(2)).doesNotContain(0, 1);
        }
    }

    @Test
    void an_error_reply_fails_with_the_runner_message(@TempDir Path dir) throws IOException {
        try (RunnerProcess r = reference(dir)) {
            assertThatThrownBy(() -> fitPredict(r, dir, "NoSuchAlgo", Map.of(), 2))
                    .isInstanceOf(RunnerException.class)
                    .hasMessageContaining("runner 'py' failed fit: ValueError: unknown algorithm NoSuchAlgo");
            assertThat(r.isAlive()).isFalse();
        }
    }

    @Test
    void a_runner_that_crashes_fails_with_its_exit_status_and_stderr_tail(@TempDir Path dir) throws IOException {
        try (RunnerProcess r = broken(dir, 1, "print('out of memory in fit', file=sys.stderr, flush=True); sys.exit(3)")) {
            assertThatThrownBy(() -> fitPredict(r, dir, "X", Map.of(), 2))
                    .isInstanceOf(RunnerException.class)
                    .hasMessageContaining("runner 'bad' exited with status 3 during fit")
                    .hasMessageContaining("out of memory in fit");
        }
        assertThat(Files.readString(dir.resolve("logs/err.log"))).contains("out of memory in fit");
        assertThat(Files.readString(dir.resolve("logs/out.log"))).contains("\"type\": \"hello\"");
    }

    @Test
    void a_runner_that_hangs_past_the_timeout_is_killed_and_named(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("hang.py");
        Files.writeString(script, String.join("\n",
                "import sys, json, time",
                "print(json.dumps({'type': 'hello', 'protocol': 1, 'framework': {'name': 'h', 'version': '0'},"
                        + " 'algorithms': {'X': {'params': {}}}}), flush=True)",
                "sys.stdin.readline()",
                "print('fitting forever', file=sys.stderr, flush=True)",
                "time.sleep(600)", ""));
        RunnerProcess r = RunnerProcess.start("slow", List.of("python3", script.toString()), dir, dir.resolve("logs"), TIMEOUT);
        long pid = r.pid();
        Path train = dir.resolve("train.tsv");
        RunnerFiles.writeTrain(TRAIN, train);
        assertThatThrownBy(() -> r.fit("X", Map.of(), 1, train, 4, 4, dir, Duration.ofMillis(500)))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("runner 'slow' did not answer fit within 0.5 s (killed)")
                .hasMessageContaining("fitting forever");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        r.close();
    }

    @Test
    void a_runner_that_writes_garbage_to_stdout_is_a_protocol_error(@TempDir Path dir) throws IOException {
        try (RunnerProcess r = broken(dir, 1, "print('Loading model... 42%', flush=True)")) {
            assertThatThrownBy(() -> fitPredict(r, dir, "X", Map.of(), 2))
                    .isInstanceOf(RunnerException.class)
                    .hasMessageContaining("runner 'bad' wrote something that is not protocol 1 JSON during fit: \"Loading model... 42%\"");
        }
    }

    @Test
    void a_runner_speaking_another_protocol_version_is_refused_at_hello(@TempDir Path dir) {
        assertThatThrownBy(() -> broken(dir, 2, "pass"))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("runner 'bad' speaks protocol 2; Retort speaks 1");
    }

    @Test
    void a_runner_gets_only_the_documented_environment(@TempDir Path dir) throws IOException {
        // a shell runner: /proc/<pid>/environ is exactly what Retort passed (python3 here is a pyenv shim
        // that adds its own variables before the interpreter starts)
        String hello = "{\"type\":\"hello\",\"protocol\":1,\"framework\":{\"name\":\"sh\",\"version\":\"0\"},"
                + "\"algorithms\":{\"X\":{\"params\":{}}}}";
        try (RunnerProcess r = RunnerProcess.start("sh", List.of("/bin/sh", "-c", "echo '" + hello + "'; read line"),
                dir, dir.resolve("logs"), TIMEOUT)) {
            Set<String> names = new HashSet<>();
            for (String kv : Files.readString(Path.of("/proc/" + r.pid() + "/environ")).split("\0"))
                if (!kv.isEmpty()) names.add(kv.substring(0, kv.indexOf('=')));
            Set<String> allowed = new HashSet<>(RunnerProcess.INHERITED_ENV);
            allowed.add("RETORT_RUNNER_PROTOCOL");
            assertThat(names).contains("RETORT_RUNNER_PROTOCOL", "PATH").isSubsetOf(allowed);
        }
    }

    @Test
    void neither_the_worker_nor_the_runner_listens_on_a_socket(@TempDir Path dir) throws IOException {
        try (RunnerProcess r = reference(dir)) {
            fitPredict(r, dir, "ItemKNN", Map.of("k", 5, "similarity", "cosine"), 2);
            Set<String> listening = listeningInodes();
            for (long pid : new long[]{ProcessHandle.current().pid(), r.pid()}) {
                Set<String> sockets = socketInodes(pid);
                assertThat(sockets).as("sockets of pid " + pid + " that listen").doesNotContainAnyElementsOf(listening);
            }
            assertThat(socketInodes(r.pid())).as("the runner has no socket at all").isEmpty();
        }
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) out.add(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        return out;
    }

    /** Inodes of sockets in state LISTEN (0A) in /proc/net/tcp and tcp6. */
    private static Set<String> listeningInodes() throws IOException {
        Set<String> out = new HashSet<>();
        for (String f : new String[]{"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(f);
            if (!Files.exists(p)) continue;
            List<String> lines = Files.readAllLines(p);
            for (String l : lines.subList(1, lines.size())) {
                String[] c = l.trim().split("\\s+");
                if (c.length > 9 && c[3].equals("0A")) out.add(c[9]);
            }
        }
        return out;
    }
}
