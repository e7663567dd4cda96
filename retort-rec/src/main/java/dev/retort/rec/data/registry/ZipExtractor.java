package dev.retort.rec.data.registry;

import dev.retort.PlanException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Extracts a zip archive, refusing entries that would land outside the target directory. */
final class ZipExtractor {
    private ZipExtractor() {
    }

    static void extract(Path archive, Path into, URI from) throws IOException {
        Files.createDirectories(into);
        Path root = into.toAbsolutePath().normalize();
        int entries = 0;
        try (InputStream raw = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries++;
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    throw PlanException.at(from.toString(), null, e.getName(), "is a zip entry outside the archive root", "relative paths");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (entries == 0) throw PlanException.at(from.toString(), null, null, "is not a zip archive or is empty", null);
    }
}
