package dev.retort.cli;

import picocli.CommandLine.Option;

/** {@code --format}, {@code -o} and {@code --precision} of the commands that print a results table. */
final class TableOutput {
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, csv, json, markdown or latex (default: from the -o file name, else table).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write here (atomically); '-' or none: stdout. The extension (.txt .csv .json .md .tex) sets the format.")
    String output;

    @Option(names = "--precision", paramLabel = "N", defaultValue = "4",
            description = "Digits after the point in LaTeX (and in the mean ± std cells of results), 0 to 12 (default: 4).")
    int precision;

    /** The format asked for (a bad value or extension is a user error naming the flag); checks --precision too. */
    Formats.Format format(String command) {
        Flags.range("--precision", (long) precision, 0, 12);
        return Formats.choose(command, format, output, Formats.Format.TABLE, Formats.RESULT_TABLES);
    }
}
