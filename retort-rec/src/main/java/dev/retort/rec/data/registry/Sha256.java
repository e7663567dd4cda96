package dev.retort.rec.data.registry;

import dev.retort.BugException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream to a file while hashing it. */
final class Sha256 {
    private Sha256() {
    }

    /** Writes {@code in} to {@code file} (replacing it) and returns the SHA-256 of the bytes in lower-case hex. */
    static String copy(InputStream in, Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new BugException("every Java platform must provide SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
                out.write(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
