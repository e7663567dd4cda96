package dev.retort.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux network namespaces as separate hosts: a bridge in this (the root) namespace with address
 * {@code 10.231.S.1/24}, and per host a namespace with one end of a veth pair ({@code 10.231.S.(10+k)}), the
 * other end on the bridge. Cutting a host sets its bridge-side link down: packets to and from it are dropped
 * as when a node's network fails, while its processes go on. Needs root and {@code ip} (iproute2).
 * Names carry this JVM's pid, so two test JVMs never share one.
 */
public final class NetNamespaces implements AutoCloseable {
    private final long id = ProcessHandle.current().pid() % 100_000;
    private final int subnet = (int) (id % 250) + 1;
    private final String bridge = "rb" + id;
    private final List<String> hosts = new ArrayList<>();

    public NetNamespaces(int count) throws IOException, InterruptedException {
        try {
            close(); // leftovers of a killed run with the same pid
            ip("link", "add", bridge, "type", "bridge");
            ip("addr", "add", bridgeAddress() + "/24", "dev", bridge);
            ip("link", "set", bridge, "up");
            for (int k = 1; k <= count; k++) {
                String ns = namespace(k), outside = "rv" + id + "_" + k, inside = "rp" + id + "_" + k;
                ip("netns", "add", ns);
                hosts.add(ns);
                ip("link", "add", outside, "type", "veth", "peer", "name", inside);
                ip("link", "set", inside, "netns", ns);
                ip("link", "set", outside, "master", bridge);
                ip("link", "set", outside, "up");
                ip("-n", ns, "addr", "add", hostAddress(k) + "/24", "dev", inside);
                ip("-n", ns, "link", "set", inside, "up");
                ip("-n", ns, "link", "set", "lo", "up");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The bridge's address in the root namespace, where the test's server listens. */
    public String bridgeAddress() {
        return "10.231." + subnet + ".1";
    }

    public String hostAddress(int k) {
        return "10.231." + subnet + "." + (10 + k);
    }

    public String namespace(int k) {
        return "rn" + id + "_" + k;
    }

    /** The command prefix that runs a program in host {@code k}'s namespace. */
    public List<String> exec(int k) {
        return List.of("ip", "netns", "exec", namespace(k));
    }

    /** Host {@code k} loses its network (its link to the bridge goes down); its processes run on. */
    public void cut(int k) throws IOException, InterruptedException {
        ip("link", "set", "rv" + id + "_" + k, "down");
    }

    public void restore(int k) throws IOException, InterruptedException {
        ip("link", "set", "rv" + id + "_" + k, "up");
    }

    @Override
    public void close() {
        for (int k = 1; k <= Math.max(hosts.size(), 8); k++) quietly("netns", "del", namespace(k)); // deletes its veth pair
        quietly("link", "del", bridge);
        hosts.clear();
    }

    private static void quietly(String... args) {
        try {
            run(args);
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // not there
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        String out = run(args);
        if (out != null) throw new IllegalStateException("ip " + String.join(" ", args) + " failed (network namespaces need root"
                + " and iproute2): " + out.strip());
    }

    /** Runs {@code ip args}; null when it succeeded, else its output. */
    private static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? null : out;
    }
}
