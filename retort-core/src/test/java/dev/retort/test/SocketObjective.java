package dev.retort.test;

import dev.retort.Objective;
import dev.retort.Trial;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An objective steered by the test over a socket (system property {@code retort.test.port}): it connects,
 * reports {@code started <id> <attempt> <pid>}, then waits for a line from the test. {@code go} finishes the
 * trial; a test that never answers keeps the objective blocked until its process is killed.
 */
public final class SocketObjective implements Objective {
    @Override
    public Map<String, Object> evaluate(Trial trial) throws Exception {
        int port = Integer.parseInt(System.getProperty("retort.test.port"));
        long pid = ProcessHandle.current().pid();
        try (Socket s = new Socket("127.0.0.1", port);
             PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("started " + trial.id() + " " + trial.attempt() + " " + pid);
            String answer = in.readLine();
            if (!"go".equals(answer)) throw new IllegalStateException("the test said " + answer);
        }
        return Map.of("value", 1.0, "attempt", trial.attempt(), "pid", pid);
    }
}
