package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.report.ResultTable;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The output formats of the commands and how {@code --format} and {@code -o FILE} choose one: the flag if
 * given, else the file's extension, else the command's default. A format the command does not write, an
 * extension that names no format, or a flag that contradicts the extension is a user error (exit 2).
 */
final class Formats {
    /** Every format any command writes, with the file extensions that name it. */
    enum Format {
        TABLE(".txt"), CSV(".csv"), JSON(".json"), MARKDOWN(".md", ".markdown"), TSV(".tsv"), TREC(".trec", ".run"),
        QRELS(".qrels"), LATEX(".tex");

        final List<String> extensions;

        Format(String... extensions) {
            this.extensions = List.of(extensions);
        }

        String flag() {
            return name().toLowerCase(Locale.ROOT);
        }

        ResultTable.Format table() {
            return ResultTable.Format.valueOf(name());
        }
    }

    static final Set<Format> TABLES = EnumSet.of(Format.TABLE, Format.CSV, Format.JSON, Format.MARKDOWN);
    /** What {@code results} and {@code compare} write: the tables and LaTeX. */
    static final Set<Format> RESULT_TABLES = EnumSet.of(Format.TABLE, Format.CSV, Format.JSON, Format.MARKDOWN, Format.LATEX);
    static final Set<Format> PREDICTIONS = EnumSet.of(Format.TSV, Format.TREC, Format.QRELS);

    private Formats() {
    }

    /** True when {@code -o} means stdout (absent or {@code -}). */
    static boolean toStdout(String output) {
        return output == null || output.equals("-");
    }

    /**
     * @param command  the command's name, for messages
     * @param flag     the {@code --format} value, or null when not given
     * @param output   the {@code -o} value, or null
     */
    static Format choose(String command, String flag, String output, Format dflt, Set<Format> allowed) {
        Format given = flag == null ? null : parse(command, flag, allowed);
        Format byName = toStdout(output) ? null : byExtension(output);
        if (given != null) {
            if (byName != null && byName != given)
                throw new PlanException("--format " + given.flag() + " contradicts -o " + output + " (a " + byName.flag()
                        + " file name); allowed: a file name ending in " + String.join(" or ", given.extensions)
                        + ", or no --format");
            return given;
        }
        if (toStdout(output)) return dflt;
        if (byName == null)
            throw new PlanException("-o " + output + ": cannot tell the format from the file name; allowed: a name ending in "
                    + extensions(allowed) + ", or a --format of " + names(allowed));
        if (!allowed.contains(byName))
            throw new PlanException("-o " + output + ": '" + command + "' does not write " + byName.flag()
                    + "; allowed: a name ending in " + extensions(allowed) + ", or a --format of " + names(allowed));
        return byName;
    }

    static Format parse(String command, String flag, Set<Format> allowed) {
        for (Format f : allowed) if (f.flag().equals(flag.toLowerCase(Locale.ROOT))) return f;
        throw new PlanException("--format: '" + flag + "' is not a format of '" + command + "'; allowed: " + names(allowed));
    }

    private static Format byExtension(String output) {
        String name = Path.of(output).getFileName().toString().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) for (String e : f.extensions) if (name.endsWith(e)) return f;
        return null;
    }

    private static String names(Set<Format> allowed) {
        return allowed.stream().map(Format::flag).collect(Collectors.joining(", "));
    }

    private static String extensions(Set<Format> allowed) {
        return allowed.stream().flatMap(f -> f.extensions.stream()).collect(Collectors.joining(" "));
    }
}
