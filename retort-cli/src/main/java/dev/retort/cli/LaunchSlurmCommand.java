package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code retort launch slurm}: an sbatch array script whose tasks run workers against a shared store. */
@Command(name = "slurm", description = {"Write an sbatch array script: each array task runs --workers-per-task workers against the store.",
        "With --submit, also submit it with sbatch and print the job id line."})
final class LaunchSlurmCommand extends CliCommand implements Callable<Integer> {
    /** Slurm's largest MaxArraySize is 4000001 (indices 0..4000000); a site's own limit is usually far lower. */
    static final long MAX_ARRAY = 4_000_001;
    static final String TIME = "(\\d+-)?\\d+:[0-5]\\d:[0-5]\\d";
    static final String TIME_ALLOWED = "HH:MM:SS or D-HH:MM:SS, e.g. 04:00:00 or 2-00:00:00";
    static final String NAME = "[A-Za-z0-9._,-]{1,128}";

    @Mixin
    LaunchOptions common;

    @Option(names = "--array", paramLabel = "N", required = true, description = "Array tasks (1..4000001); each is one Slurm job on one host.")
    long array;

    @Option(names = "--workers-per-task", paramLabel = "K", required = true, description = "Worker processes per array task (1..1024).")
    long workersPerTask;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Time limit of each task (sbatch --time; default: the partition's).")
    String time;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (sbatch --partition).")
    String partition;

    @Option(names = "--account", paramLabel = "A", description = "Slurm account (sbatch --account).")
    String account;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task (sbatch --mem), e.g. 16G or 4000M.")
    String mem;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "CPUs per task (sbatch --cpus-per-task; default: K, one per worker).")
    Long cpusPerTask;

    @Option(names = "--logs", paramLabel = "DIR", description = "Directory of the job's logs, relative to where sbatch runs"
            + " (default: runs/<experiment>/logs); made when the script is written to a file.")
    String logs;

    @Option(names = "--allow-local-store", description = "Accept a store that is not PostgreSQL: an experiment directory every"
            + " node reaches (workers still refuse one on a network filesystem).")
    boolean allowLocalStore;

    @Option(names = "--submit", description = "Submit the written script (needs -o FILE): run 'sbatch FILE' and print its job id line.")
    boolean submit;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Flags.range("--array", array, 1, MAX_ARRAY);
        Flags.range("--workers-per-task", workersPerTask, 1, Plan.MAX_WORKERS);
        Flags.range("--cpus-per-task", cpusPerTask, 1, 100_000);
        LaunchOptions.checked("--time", time, "is not a Slurm time limit", TIME, TIME_ALLOWED);
        if (time != null && time.contains("-") && Integer.parseInt(time.substring(time.indexOf('-') + 1, time.indexOf(':'))) > 23)
            throw PlanException.at(null, "--time", time, "has more than 23 hours after the days", TIME_ALLOWED);
        LaunchOptions.checked("--partition", partition, "is not a partition name", NAME, "a partition name (letters, digits, '.', '_', '-'; ',' between several)");
        LaunchOptions.checked("--account", account, "is not an account name", NAME, "an account name (letters, digits, '.', '_', '-')");
        LaunchOptions.checked("--mem", mem, "is not a Slurm memory size", "\\d+[KMGT]?", "megabytes, or a number with a unit K, M, G or T, e.g. 16G");
        LaunchOptions.checked("--logs", logs, "cannot be written in an #SBATCH line", "[^\\s'\"%\\\\]+", "a directory path without spaces, quotes, '%' or '\\'");
        boolean toFile = !Formats.toStdout(common.output);
        if (submit && !toFile)
            throw PlanException.at(null, "--submit", null, "needs the script in a file", "-o FILE with --submit (sbatch is given FILE)");
        String experiment = common.experiment();
        StoreUrl store = common.store();
        String retort = common.retort();
        if (!store.shared() && !allowLocalStore)
            throw PlanException.at(null, "--store", store.withoutPassword(), "is not a shared store: the array tasks run on many hosts",
                    "a PostgreSQL store, --store " + StoreUrl.EXAMPLE + " (docs/hosts.md), or --allow-local-store for an"
                            + " experiment directory that every node reaches");
        Path sbatch = submit ? Sbatch.find() : null; // refused before anything is written
        String logDir = logs != null ? logs : "runs/" + experiment + "/logs";
        String dir = store.shared() ? store.withoutPassword() : Path.of(store.withoutPassword()).toAbsolutePath().normalize().toString();
        SlurmScript script = new SlurmScript(experiment, dir, store.shared(), retort, (int) array, (int) workersPerTask,
                cpusPerTask != null ? cpusPerTask.intValue() : (int) workersPerTask, time, partition, account, mem, logDir);
        if (store.hadPassword())
            err().println("retort: the password in --store is not written to the script; the workers read it from"
                    + " PGPASSWORD, ~/.pgpass or RETORT_STORE_PASSWORD in the job's environment");
        if (toFile) makeLogDirectory(logDir); // sbatch opens --output before the script runs, and does not make its directory
        Path file = Output.write(common.output, out(), w -> w.write(script.render()));
        if (file == null) return 0;
        err().println("wrote " + file + ": " + array + " array task" + (array == 1 ? "" : "s") + " x " + workersPerTask
                + " worker" + (workersPerTask == 1 ? "" : "s") + " for experiment " + experiment + ", logs in " + logDir + "/");
        if (!submit) {
            err().println("submit it with: sbatch " + file);
            return 0;
        }
        return Sbatch.submit(sbatch, file, out(), err());
    }

    private static void makeLogDirectory(String logDir) {
        Path dir = Path.of(logDir);
        Flags.directoryOrAbsent("--logs", dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw PlanException.at(null, "--logs", logDir, "cannot be made (" + e.getMessage() + ")", "a directory you may write, e.g. runs/<experiment>/logs");
        }
    }
}
