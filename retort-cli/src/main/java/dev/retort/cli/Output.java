package dev.retort.cli;

import dev.retort.store.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where a command's document goes: stdout for no {@code -o} or {@code -o -}, else a file written atomically. */
final class Output {
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    private Output() {
    }

    /** @return the file written, or null for stdout */
    static Path write(String output, PrintWriter stdout, Content content) throws IOException {
        if (Formats.toStdout(output)) {
            content.writeTo(stdout);
            stdout.flush();
            return null;
        }
        Path file = Path.of(output);
        AtomicFiles.write(file, o -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(w);
            w.flush();
        });
        return file;
    }
}
