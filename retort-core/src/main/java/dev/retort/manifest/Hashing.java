package dev.retort.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of files and of directory trees, read once, streaming. */
public final class Hashing {
    private Hashing() {
    }

    /**
     * A hashed file or directory.
     *
     * @param kind   {@code file} or {@code directory}
     * @param sha256 of the file's bytes; of a directory, of its sorted lines {@code <relative path> <sha256>\n}
     * @param size   bytes (of a directory: of all its files)
     */
    public record Hashed(String kind, String sha256, long size) {
    }

    public static Hashed of(Path path) {
        try {
            if (Files.isDirectory(path)) return directory(path);
            return new Hashed("file", file(path), Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String file(Path file) throws IOException {
        MessageDigest md = Canonical.digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Hashed directory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        MessageDigest md = Canonical.digest();
        long size = 0;
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            md.update((rel + " " + file(f) + "\n").getBytes(StandardCharsets.UTF_8));
            size += Files.size(f);
        }
        return new Hashed("directory", HexFormat.of().formatHex(md.digest()), size);
    }
}
