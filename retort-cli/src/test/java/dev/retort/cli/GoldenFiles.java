package dev.retort.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares output byte for byte with {@code src/test/resources/dev/retort/cli/golden/NAME}, produced under
 * each of two default locales (decimal point and comma). Run with {@code -Dgolden.update=true} to rewrite the
 * files, then review the diff.
 */
final class GoldenFiles {
    static final Locale[] LOCALES = {Locale.US, Locale.GERMANY};

    private GoldenFiles() {
    }

    static void check(String name, Supplier<String> output) throws IOException {
        Locale old = Locale.getDefault();
        try {
            for (Locale l : LOCALES) {
                Locale.setDefault(l);
                String actual = output.get();
                if (Boolean.getBoolean("golden.update")) {
                    Path file = Path.of("src/test/resources/dev/retort/cli/golden").resolve(name);
                    if (l == LOCALES[0]) Files.writeString(file, actual, StandardCharsets.UTF_8);
                    else assertThat(actual).as("%s under locale %s", name, l).isEqualTo(Files.readString(file));
                    continue;
                }
                assertThat(actual).as("%s under locale %s", name, l).isEqualTo(read(name));
            }
        } finally {
            Locale.setDefault(old);
        }
    }

    static String read(String name) throws IOException {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("golden/" + name)) {
            if (in == null) throw new AssertionError("no golden file golden/" + name + "; run with -Dgolden.update=true");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
