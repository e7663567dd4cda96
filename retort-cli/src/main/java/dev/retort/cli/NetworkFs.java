package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.run.MountTable;

import java.nio.file.Path;

/**
 * Refuses a directory store on a network filesystem (docs/hosts.md). The mount table is
 * {@code /proc/self/mountinfo}; the system property {@value #PROPERTY} or the environment variable {@value #ENV}
 * names another file in the same format. They exist for tests, which cannot mount NFS.
 */
final class NetworkFs {
    static final String PROPERTY = "retort.mountinfo";
    static final String ENV = "RETORT_MOUNTINFO";
    static final String OVERRIDE = "--allow-network-fs";

    private NetworkFs() {
    }

    static Path mountinfo() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) p = System.getenv(ENV);
        return p == null || p.isBlank() ? MountTable.PROC_MOUNTINFO : Path.of(p);
    }

    /** Throws the user error unless {@code dir} is on a local filesystem or the user allowed a network one. */
    static void refuse(String flag, Path dir, boolean allowed) {
        if (allowed) return;
        MountTable.read(mountinfo()).mountOf(dir).filter(MountTable.Mount::isNetwork).ifPresent(m -> {
            throw PlanException.at(null, flag, dir.toString(), "is on a network filesystem (" + m.type() + ", mounted at "
                            + m.mountPoint() + "): SQLite's file locking is unreliable there, so trial state could be lost or corrupted",
                    "a directory on a local disk, or a shared store for many hosts: --store postgresql://USER@HOST/DB"
                            + " (docs/hosts.md); " + OVERRIDE + " uses this directory anyway");
        });
    }
}
