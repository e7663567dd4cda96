package dev.retort.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each command's exit code means, shown under "Exit codes:" in its {@code --help} and documented in
 * docs/cli.md (a test keeps the two equal); {@code run}'s verdicts are explained in docs/runs.md. Codes 2 (user error) and 3 (bug) mean the same everywhere.
 */
final class ExitCodes {
    static final String USER_ERROR = "a user error: bad plan, flag or data (one message, nothing written)";
    static final String BUG = "a bug in Retort (please report it with the message)";
    static final String RUNTIME = "a runtime error: damaged store, full disk, failed I/O";

    private ExitCodes() {
    }

    static Map<String, String> of(String command) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (command) {
            case "run" -> {
                m.put("0", "every trial is DONE, or a limit you set (max_trials, max_cost, wall_time, max_trials_per_run) stopped the run");
                m.put("1", "trials FAILED, trials were left unfinished because workers died, or " + RUNTIME);
            }
            case "worker" -> {
                m.put("0", "the worker stopped normally: no trial left, a limit reached, or told to stop");
                m.put("1", RUNTIME);
            }
            case "reset" -> {
                m.put("0", "the trials were reset (the message says how many)");
                m.put("1", RUNTIME);
            }
            case "results" -> {
                m.put("0", "the results were printed, whatever the trials' states (FAILED ones are listed under the table)");
                m.put("1", RUNTIME);
            }
            case "compare" -> {
                m.put("0", "the comparisons were printed, significant or not");
                m.put("1", RUNTIME);
            }
            case "report" -> {
                m.put("0", "the report was written");
                m.put("1", RUNTIME);
            }
            case "plot" -> {
                m.put("0", "the files were written (the messages name them)");
                m.put("1", RUNTIME);
            }
            case "export", "predictions" -> {
                m.put("0", "the file (or stdout) was written");
                m.put("1", RUNTIME);
            }
            case "launch slurm" -> {
                m.put("0", "the script was written (and, with --submit, submitted: the job id line is printed)");
                m.put("1", "sbatch refused the script (its message is printed; the script is kept), or " + RUNTIME);
            }
            case "launch k8s" -> {
                m.put("0", "the manifest was written");
                m.put("1", RUNTIME);
            }
            case "store copy" -> {
                m.put("0", "the experiment was copied (the message says how many trials, by state)");
                m.put("1", RUNTIME);
            }
            case "completion", "help", "launch", "store" -> m.put("0", "the text was printed");
            case "rerun" -> {
                m.put("0", "the rerun's results are identical to the recorded ones (within --tolerance)");
                m.put("1", "some trial's results differ (the report lists them), or " + RUNTIME);
            }
            case "diff" -> {
                m.put("0", "the two are the same (plan, code, data, environment and results)");
                m.put("1", "they differ (the report lists how), or " + RUNTIME);
            }
            case "retort" -> {
                m.put("0", "success (each command's --help says what that means for it)");
                m.put("1", "FAILED trials (run), or " + RUNTIME);
            }
            default -> { // status, trials, logs and the root command
                m.put("0", "printed");
                m.put("1", RUNTIME);
            }
        }
        m.put("2", USER_ERROR);
        m.put("3", BUG);
        if (command.equals("run")) {
            m.put("130", "interrupted by Ctrl-C: running trials went back to PENDING; run the same command to resume");
            m.put("143", "interrupted by SIGTERM, likewise");
        }
        return m;
    }

    /** Puts each command's list into its usage help; a nested command is named by its path, e.g. {@code launch slurm}. */
    static void install(CommandLine root) {
        root.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(of("retort"));
        installUnder(root, "");
    }

    private static void installUnder(CommandLine parent, String prefix) {
        parent.getSubcommands().forEach((name, cl) -> {
            cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(of(prefix + name));
            if (!name.equals("help")) installUnder(cl, prefix + name + " ");
        });
    }
}
