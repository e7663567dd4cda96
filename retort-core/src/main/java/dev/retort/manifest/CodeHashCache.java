package dev.retort.manifest;

import dev.retort.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of large code files (Retort's jar, an objective's jars), remembered across runs by path, size,
 * modification time and file key (the inode), as git's index and make remember files: a run in a fresh JVM
 * would otherwise spend a fifth of a second hashing a 40 MB jar before its JIT compiler is warm. A file that
 * changes gets a new modification time (or size, or inode, when replaced), so it is hashed again; a file that
 * changed while it was hashed is not remembered. Files under {@link #MIN_SIZE} are always hashed, and so are
 * data and captured files: this is for code only.
 *
 * <p>The cache is one small text file ({@code $RETORT_CACHE/code-sha256.tsv}, else
 * {@code ~/.retort/cache/code-sha256.tsv}), rewritten atomically. A cache that cannot be read or written is no
 * cache: the file is hashed.
 */
final class CodeHashCache {
    static final long MIN_SIZE = 1 << 20;
    private static final int MAX_ENTRIES = 256;

    private final Path file;

    CodeHashCache(Path file) {
        this.file = file;
    }

    static CodeHashCache standard(Map<String, String> env) {
        String dir = env.get("RETORT_CACHE");
        Path d = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".retort", "cache");
        return new CodeHashCache(d.resolve("code-sha256.tsv"));
    }

    /** The file's SHA-256: remembered when its path, size, modification time and inode are those last hashed. */
    String sha256(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        BasicFileAttributes before = Files.readAttributes(abs, BasicFileAttributes.class);
        if (before.size() < MIN_SIZE) return Hashing.file(abs);
        String stamp = stamp(before);
        Map<String, String[]> entries = read();
        String[] hit = entries.get(abs.toString());
        if (hit != null && hit[0].equals(stamp)) return hit[1];
        String sha = Hashing.file(abs);
        if (stamp(Files.readAttributes(abs, BasicFileAttributes.class)).equals(stamp)) { // unchanged while hashed
            entries.remove(abs.toString());
            entries.put(abs.toString(), new String[]{stamp, sha});
            write(entries);
        }
        return sha;
    }

    private static String stamp(BasicFileAttributes a) {
        return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + a.fileKey();
    }

    /** Path to {stamp, sha256}, oldest first; empty when there is no readable cache. */
    private Map<String, String[]> read() {
        Map<String, String[]> m = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file)) return m;
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                if (f.length == 3 && f[2].length() == 64) m.put(f[0], new String[]{f[1], f[2]});
            }
        } catch (IOException | RuntimeException e) {
            m.clear(); // unreadable: start again
        }
        return m;
    }

    private void write(Map<String, String[]> entries) {
        StringBuilder sb = new StringBuilder();
        int skip = Math.max(0, entries.size() - MAX_ENTRIES);
        for (Map.Entry<String, String[]> e : entries.entrySet()) {
            if (skip-- > 0) continue;
            if (e.getKey().contains("\t") || e.getKey().contains("\n")) continue;
            sb.append(e.getKey()).append('\t').append(e.getValue()[0]).append('\t').append(e.getValue()[1]).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, sb.toString());
        } catch (IOException | RuntimeException e) {
            // a read-only home: the next run hashes again
        }
    }
}
