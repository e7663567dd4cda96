package dev.retort.rec.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One runner child process speaking protocol {@value #PROTOCOL} on its stdin/stdout (docs/runner-protocol.md).
 * Its stdout lines are copied to the current {@code out.log}, its stderr to the current {@code err.log} (see
 * {@link #logTo}), and the last {@value #TAIL_LINES} stderr lines are kept for error messages. Every failure
 * (exit, timeout, garbage, wrong version, {@code error} reply) is a {@link RunnerException} naming the runner
 * and quoting the stderr tail; after one the process is dead or must not be reused.
 */
public final class RunnerProcess implements AutoCloseable {
    public static final int PROTOCOL = 1;
    /** Environment variables a runner inherits from the worker, when set; everything else is dropped. */
    public static final List<String> INHERITED_ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME");
    static final int TAIL_LINES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000eof";

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> errTail = new ArrayDeque<>();
    private final Object logLock = new Object();
    private Writer outLog, errLog;
    private RunnerHello hello;
    private long nextId = 1;
    private boolean broken;
    private Thread errPump;

    private RunnerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    /**
     * Starts {@code command} in {@code workDir} with a clean environment ({@link #INHERITED_ENV} plus
     * {@code RETORT_RUNNER_PROTOCOL}) and waits up to {@code timeout} for its {@code hello}.
     */
    public static RunnerProcess start(String name, List<String> command, Path workDir, Path logDir, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        Map<String, String> keep = new LinkedHashMap<>();
        for (String k : INHERITED_ENV) if (System.getenv(k) != null) keep.put(k, System.getenv(k));
        env.clear();
        env.putAll(keep);
        env.put("RETORT_RUNNER_PROTOCOL", Integer.toString(PROTOCOL));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new RunnerException("runner '" + name + "': cannot start " + command + ": " + e.getMessage());
        }
        RunnerProcess r = new RunnerProcess(name, p);
        r.logTo(logDir);
        r.pump();
        try {
            r.hello = r.readHello(timeout);
        } catch (RunnerException e) {
            r.kill();
            throw e;
        }
        return r;
    }

    /** The runner's {@code hello}. */
    public RunnerHello hello() { return hello; }

    public long pid() { return process.pid(); }

    public boolean isAlive() { return !broken && process.isAlive(); }

    /** From now on copies stdout to {@code dir/out.log} and stderr to {@code dir/err.log} (appending). */
    public void logTo(Path dir) {
        synchronized (logLock) {
            try {
                closeLogs();
                Files.createDirectories(dir);
                outLog = Files.newBufferedWriter(dir.resolve("out.log"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                errLog = Files.newBufferedWriter(dir.resolve("err.log"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new RunnerException("runner '" + name + "': cannot write logs in " + dir + ": " + e.getMessage());
            }
        }
    }

    /** Sends {@code fit} and waits up to {@code timeout} for {@code fitted}. */
    public void fit(String algorithm, Map<String, Object> config, long seed, Path train, int users, int items,
                    Path modelDir, Duration timeout) {
        ObjectNode m = request("fit");
        m.put("algorithm", algorithm);
        m.set("config", JSON.valueToTree(config));
        m.put("seed", seed);
        m.put("train", train.toAbsolutePath().toString());
        m.put("users", users);
        m.put("items", items);
        m.put("model_dir", modelDir.toAbsolutePath().toString());
        call(m, "fitted", timeout);
    }

    /** Sends {@code predict} and waits up to {@code timeout} for {@code predicted}; returns its {@code rows}. */
    public long predict(Path usersFile, int k, Path output, Duration timeout) {
        ObjectNode m = request("predict");
        m.put("users", usersFile.toAbsolutePath().toString());
        m.put("k", k);
        m.put("output", output.toAbsolutePath().toString());
        return call(m, "predicted", timeout).path("rows").asLong(-1);
    }

    /** Sends {@code stop}, waits a short grace period, then kills the process. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send(JSON.createObjectNode().put("type", "stop"));
                stdin.close();
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (RunnerException | IOException ignored) {
                // already gone: killed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill();
    }

    private void kill() {
        broken = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (logLock) {
            closeLogs();
        }
    }

    private ObjectNode request(String type) {
        return JSON.createObjectNode().put("type", type).put("id", nextId++);
    }

    private JsonNode call(ObjectNode m, String expected, Duration timeout) {
        String what = m.get("type").asText();
        if (broken) throw new RunnerException("runner '" + name + "' failed earlier and cannot " + what);
        try {
            send(m);
            JsonNode reply = receive(what, timeout);
            String type = reply.path("type").asText();
            if (type.equals("error"))
                throw failure("failed " + what + ": " + reply.path("message").asText("(no message)"));
            if (!type.equals(expected) || reply.path("id").asLong(-1) != m.get("id").asLong())
                throw failure("answered " + what + " with " + abbreviate(reply.toString()) + "; expected "
                        + expected + " with id " + m.get("id").asLong());
            return reply;
        } catch (RunnerException e) {
            kill();
            throw e;
        }
    }

    private void send(JsonNode m) {
        try {
            stdin.write((JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw failure("cannot be written to (" + e.getMessage() + "); it exited with status " + exitStatus());
        }
    }

    private JsonNode receive(String what, Duration timeout) {
        String line;
        try {
            line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted while waiting for " + what);
        }
        if (line == null) {
            kill();
            throw failure("did not answer " + what + " within " + timeout.toMillis() / 1000.0 + " s (killed)");
        }
        if (line.equals(EOF)) throw failure("exited with status " + exitStatus() + " during " + what);
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            n = null;
        }
        if (n == null || !n.isObject() || !n.path("type").isTextual())
            throw failure("wrote something that is not protocol " + PROTOCOL + " JSON during " + what + ": \""
                    + abbreviate(line) + "\"");
        return n;
    }

    private RunnerHello readHello(Duration timeout) {
        JsonNode n = receive("hello", timeout);
        if (!n.path("type").asText().equals("hello"))
            throw failure("did not start with hello but with " + abbreviate(n.toString()));
        int protocol = n.path("protocol").asInt(-1);
        if (protocol != PROTOCOL)
            throw failure("speaks protocol " + n.path("protocol") + "; Retort speaks " + PROTOCOL);
        Map<String, Map<String, Map<String, Object>>> algos = new LinkedHashMap<>();
        n.path("algorithms").fields().forEachRemaining(a -> {
            Map<String, Map<String, Object>> params = new LinkedHashMap<>();
            a.getValue().path("params").fields().forEachRemaining(p ->
                    params.put(p.getKey(), JSON.convertValue(p.getValue(), Map.class)));
            algos.put(a.getKey(), params);
        });
        if (algos.isEmpty()) throw failure("declared no algorithms in its hello");
        return new RunnerHello(protocol, n.path("framework").path("name").asText("?"),
                n.path("framework").path("version").asText("?"), algos, n.path("reuse").asBoolean(true));
    }

    private void pump() {
        Thread out = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    log(false, l);
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the process is gone; EOF below says so
            }
            lines.add(EOF);
        }, "runner-" + name + "-out");
        Thread err = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) log(true, l);
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "runner-" + name + "-err");
        errPump = err;
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    private void log(boolean isErr, String line) {
        synchronized (logLock) {
            if (isErr) {
                errTail.addLast(line);
                if (errTail.size() > TAIL_LINES) errTail.removeFirst();
            }
            Writer w = isErr ? errLog : outLog;
            if (w == null) return;
            try {
                w.write(line);
                w.write('\n');
                w.flush();
            } catch (IOException ignored) {
                // a log that cannot be written must not fail the trial
            }
        }
    }

    private void closeLogs() {
        for (Writer w : new Writer[]{outLog, errLog}) {
            if (w == null) continue;
            try {
                w.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        outLog = errLog = null;
    }

    private String exitStatus() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) return Integer.toString(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "(still running)";
    }

    private RunnerException failure(String what) {
        // after an exit the stderr copier may still be draining the pipe: wait for its end of stream
        if (!process.isAlive() && errPump != null) {
            try {
                errPump.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String tail;
        synchronized (logLock) {
            tail = String.join("\n  ", errTail);
        }
        return new RunnerException("runner '" + name + "' " + what
                + (tail.isEmpty() ? "; its stderr was empty" : "; last lines of its stderr:\n  " + tail));
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
