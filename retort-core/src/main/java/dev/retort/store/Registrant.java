package dev.retort.store;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Who registers a plan: {@code host:pid:token}, stored with a lease on the experiment while the registration
 * runs. A registrar is live while its lease lasts, except that a registrar on this host whose process is gone
 * is dead at once (a {@code kill -9} during registration is resumed by the next run without waiting).
 */
public record Registrant(String host, long pid, String token) {
    public Registrant {
        if (host.contains(":")) host = host.replace(':', '_');
    }

    /** A new registrant for this process. */
    public static Registrant of(String host) {
        return new Registrant(host, ProcessHandle.current().pid(), Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    public String id() {
        return host + ":" + pid + ":" + token;
    }

    /** True when the registrar {@code id} with lease {@code until} still counts as registering at {@code now}. */
    public static boolean isLive(String id, long until, long now, String thisHost) {
        if (id == null || until < now) return false;
        String[] parts = id.split(":");
        if (parts.length != 3 || !parts[0].equals(thisHost.replace(':', '_'))) return true;
        try {
            return ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
