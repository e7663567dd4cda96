package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialState;
import dev.retort.store.jdbc.Database;
import dev.retort.store.jdbc.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Commands on stores as a whole. */
@Command(name = "store", description = "Work with stores as a whole: copy an experiment between them.",
        subcommands = {StoreCommand.Copy.class})
final class StoreCommand {
    /**
     * {@code retort store copy SRC DST}: an experiment from one store to another, SQLite or PostgreSQL either
     * way, with every trial, attempt count, result and phase (see {@link StoreCopy}).
     */
    @Command(name = "copy", description = "Copy an experiment, with every trial, attempt count, result and phase, from store SRC to store DST"
            + " (each an experiment directory or a postgresql:// URL).")
    static final class Copy extends CliCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SRC", description = "The experiment directory or PostgreSQL URL to copy from.")
        String src;

        @Parameters(index = "1", paramLabel = "DST", description = "The experiment directory or PostgreSQL URL to copy into (a directory is created).")
        String dst;

        @Option(names = "--experiment", paramLabel = "NAME", description = "The experiment to copy (default: the only one in SRC).")
        String experiment;

        @Option(names = "--replace", description = "Delete an experiment of the same name in DST first (without it, that is refused).")
        boolean replace;

        @Override
        public Integer call() {
            Map<String, String> env = System.getenv();
            if (!isUrl(src)) {
                Path db = Path.of(src).resolve(StoreLocation.Directory.DB_FILE);
                if (!Files.isRegularFile(db))
                    throw PlanException.at(null, "SRC", src, "holds no store (no " + StoreLocation.Directory.DB_FILE + ")",
                            "an experiment directory made by 'retort run', or a postgresql:// URL");
            }
            if (!isUrl(dst)) Flags.directoryOrAbsent("DST", Path.of(dst));
            try (Database from = Database.open(location("SRC", src, env), Clock.systemUTC())) {
                String name = experiment;
                if (name == null) {
                    List<String> names = from.experimentNames();
                    if (names.size() != 1)
                        throw PlanException.at(null, "--experiment", null, "is missing and SRC holds " + names.size() + " experiments",
                                "one of: " + String.join(", ", names));
                    name = names.get(0);
                }
                try (Database to = Database.open(location("DST", dst, env), Clock.systemUTC())) {
                    if (!isUrl(dst) && !replace) {
                        List<String> others = to.experimentNames().stream().filter(n -> !n.equals(experiment)).toList();
                        if (!others.isEmpty() && !others.contains(name))
                            throw PlanException.at(null, "DST", dst, "holds experiment '" + others.get(0) + "'",
                                    "an experiment directory holds one experiment: a new directory, or a postgresql:// URL");
                    }
                    StoreCopy.Result r = StoreCopy.copy(from, to, name, replace);
                    String states = r.byState().entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(", "));
                    out().println("copied experiment '" + r.experiment() + "' (" + r.trials() + " trials" + (states.isEmpty() ? "" : ": " + states)
                            + ") from " + from.location() + " to " + to.location() + (r.replaced() ? ", replacing the one there" : ""));
                    if (r.idOffset() > 0)
                        out().println("trial ids moved by +" + r.idOffset() + " (DST uses the source's ids for other trials); trial directories"
                                + " under the source's artifact root keep their old names");
                    return 0;
                }
            }
        }

        private static boolean isUrl(String s) {
            return s.startsWith("postgresql:") || s.startsWith("postgres:");
        }

        private static StoreLocation location(String which, String where, Map<String, String> env) {
            if (!isUrl(where)) return new StoreLocation.Directory(Path.of(where));
            return StoreLocation.of(which, where, "copy", Path.of("runs"), env);
        }
    }
}
