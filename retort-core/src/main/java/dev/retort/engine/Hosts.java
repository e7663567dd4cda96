package dev.retort.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, for worker ids and provenance. */
public final class Hosts {
    private static volatile String name;

    private Hosts() {
    }

    public static String name() {
        String n = name;
        if (n == null) {
            String env = System.getenv("HOSTNAME");
            try {
                n = env != null && !env.isBlank() ? env : InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                n = "localhost";
            }
            name = n;
        }
        return n;
    }

    /** A worker id unique on this host: {@code host-pid}, plus a suffix for several workers in one JVM. */
    public static String workerId(String suffix) {
        String base = name() + "-" + ProcessHandle.current().pid();
        return suffix == null || suffix.isEmpty() ? base : base + "-" + suffix;
    }
}
