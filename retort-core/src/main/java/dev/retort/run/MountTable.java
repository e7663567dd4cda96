package dev.retort.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which filesystem a path lies on, read from a Linux mount table in {@code /proc/self/mountinfo} format, and
 * whether that filesystem is a network one. SQLite's locks (POSIX advisory locks, and the shared-memory
 * {@code -shm} file of WAL mode) do not hold across the hosts of a network filesystem, so a directory store
 * there can lose or corrupt trial state; {@code retort run} and {@code retort worker} refuse one (docs/hosts.md).
 */
public final class MountTable {
    /** The kernel's table for this process. */
    public static final Path PROC_MOUNTINFO = Path.of("/proc/self/mountinfo");

    /**
     * Filesystem types (the mountinfo type field) whose locking is not to be trusted by SQLite: NFS, SMB/CIFS,
     * the cluster filesystems (Lustre, GPFS/Spectrum Scale, BeeGFS, CephFS, GlusterFS, OrangeFS, AFS), 9p (WSL2's
     * Windows drives, VM shares) and FUSE network mounts (sshfs, s3fs, rclone, gcsfuse).
     */
    static final Set<String> NETWORK_TYPES = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "lustre", "gpfs",
            "beegfs", "ceph", "glusterfs", "pvfs2", "orangefs", "afs", "coda", "9p", "davfs", "fuse.sshfs", "fuse.ceph-fuse",
            "fuse.cephfs", "fuse.glusterfs", "fuse.s3fs", "fuse.rclone", "fuse.gcsfuse", "fuse.davfs2", "fuse.beegfs");

    /** One line of the table: where a filesystem is mounted and its type (e.g. {@code nfs4}, {@code ext4}). */
    public record Mount(Path mountPoint, String type) {
        public boolean isNetwork() {
            return isNetworkType(type);
        }
    }

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /** Reads a table; an unreadable one (not Linux, no /proc) is empty, and then nothing is found. */
    public static MountTable read(Path mountinfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(mountinfo);
        } catch (IOException | SecurityException e) {
            return new MountTable(List.of());
        }
        return parse(lines);
    }

    /**
     * Parses mountinfo lines: {@code ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER}.
     * Malformed lines are skipped.
     */
    static MountTable parse(List<String> lines) {
        List<Mount> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            int dash = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (f.length < 7 || dash < 0 || dash + 1 >= f.length) continue;
            out.add(new Mount(Path.of(unescape(f[4])), f[dash + 1]));
        }
        return new MountTable(out);
    }

    /** The kernel writes space, tab, newline and backslash in a mount point as octal escapes ({@code \040}). */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static boolean isNetworkType(String type) {
        return NETWORK_TYPES.contains(type) || type.startsWith("nfs") || type.startsWith("smb");
    }

    /**
     * The mount that holds {@code path}: the longest mount point containing it, the later line when one point is
     * mounted over another. A path that does not exist yet is looked up by its nearest existing parent, with
     * symbolic links resolved (a link into an NFS mount is on NFS).
     */
    public Optional<Mount> mountOf(Path path) {
        Path p = resolve(path);
        Mount best = null;
        for (Mount m : mounts) {
            if (p.startsWith(m.mountPoint()) && (best == null || m.mountPoint().getNameCount() >= best.mountPoint().getNameCount()))
                best = m;
        }
        return Optional.ofNullable(best);
    }

    private static Path resolve(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
