package dev.retort.manifest;

import dev.retort.store.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code <experiment>/captured/<sha256>}: files kept by content, so a rerun can rebuild them after the user
 * edited or deleted them. A file already there is not copied again; each write is atomic.
 */
public final class CaptureStore {
    public static final String DIR = "captured";
    private final Path dir;

    public CaptureStore(Path dir) {
        this.dir = dir;
    }

    /** The capture store of an experiment directory. */
    public static CaptureStore in(Path experimentDir) {
        return new CaptureStore(experimentDir.resolve(DIR));
    }

    public Path dir() {
        return dir;
    }

    public Path path(String sha256) {
        return dir.resolve(sha256);
    }

    /** Hashes {@code file} once and copies it in unless its content is there already. */
    public Hashing.Hashed put(Path file) throws IOException {
        String sha = Hashing.file(file);
        Path target = path(sha);
        if (!Files.exists(target)) AtomicFiles.write(target, out -> Files.copy(file, out));
        return new Hashing.Hashed("file", sha, Files.size(file));
    }

    public String putText(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        String sha = Canonical.sha256(b);
        Path target = path(sha);
        if (!Files.exists(target)) AtomicFiles.write(target, out -> out.write(b));
        return sha;
    }
}
