package dev.retort.cli;

import dev.retort.PlanException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of flag values, made before anything is opened or written; each refusal names the flag and the range. */
final class Flags {
    private Flags() {
    }

    static void range(String flag, Long value, long min, long max) {
        if (value == null || (value >= min && value <= max)) return;
        String allowed = max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        throw PlanException.at(null, flag, value, value < min ? "is too small" : "is too large", allowed);
    }

    /** A directory Retort may create: absent (with an existing directory above it), or an existing directory. */
    /** {@code --tolerance}: the largest absolute difference of a result value counted as equal. */
    static void tolerance(double value) {
        if (!(value >= 0) || Double.isInfinite(value))
            throw PlanException.at(null, "--tolerance", value, "is not a usable tolerance", "a finite number >= 0");
    }

    static void directoryOrAbsent(String flag, Path dir) {
        if (dir == null) return;
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p != null && !Files.isDirectory(p))
            throw PlanException.at(null, flag, dir.toString(), p.equals(dir.toAbsolutePath().normalize())
                    ? "is a file, not a directory" : "is under " + p + ", which is a file", "a directory (made if missing), e.g. runs/<experiment>");
    }
}
