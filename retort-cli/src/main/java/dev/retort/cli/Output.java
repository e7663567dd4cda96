package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.RetortException;
import dev.retort.store.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
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
        if (Files.isDirectory(file))
            throw new PlanException("-o " + output + ": is a directory; allowed: a file name, or - for stdout");
        try {
            AtomicFiles.write(file, o -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
                content.writeTo(w);
                w.flush();
            });
        } catch (FileSystemException e) {
            // the place named by -o cannot take a file: a flag mistake (no space left is a FileSystemException too)
            String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            if (why.contains("No space left")) throw new RetortException("-o " + output + ": cannot write: " + why + "; nothing was written", e);
            throw new PlanException("-o " + output + ": cannot write there (" + why + "); allowed: a writable file path, or - for stdout");
        }
        return file;
    }
}
