package dev.retort.cli;

import dev.retort.BugException;
import dev.retort.PlanException;
import dev.retort.RetortException;
import dev.retort.store.DiskFullException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * {@code retort}: run experiments, join them as a worker, and report on them. Exit codes (docs/cli.md): 0 success,
 * 1 the experiment has FAILED trials or a runtime error (among them every store fault: damaged, deleted or
 * replaced, disk full), 2 a user error (bad plan, flag or data), 3 a bug. Only a bug prints a stack trace.
 * Every command takes {@code --help}; {@code retort help CMD} says the same.
 */
@Command(name = "retort", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Main.Version.class,
        description = "Durable, resumable computational experiments.",
        subcommands = {RunCommand.class, WorkerCommand.class, StatusCommand.class, TrialsCommand.class,
                LogsCommand.class, ResultsCommand.class, CompareCommand.class, PlotCommand.class, ReportCommand.class, DashboardCommand.class, ResetCommand.class, ExportCommand.class, StoreCommand.class,
                PredictionsCommand.class, LaunchCommand.class, ManifestCommand.class, RerunCommand.class, DiffCommand.class,
                CompletionCommand.class, HelpCommand.class})
public final class Main {
    /** {@code retort --version}: the build's version, written in one place (the Maven project version). */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"retort " + dev.retort.Retort.VERSION};
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI in this JVM and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        ExitCodes.install(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof PlanException) {
                err.println("retort: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof BugException) {
                ex.printStackTrace(err);
                return 3;
            }
            if (ex instanceof RetortException) { // StoreException and its faults included: the message says it all
                err.println("retort: " + ex.getMessage());
                return 1;
            }
            if (DiskFullException.isNoSpace(ex)) { // a write outside the store (a log, an export) found the disk full
                err.println("retort: no space left on device: " + ex.getMessage());
                return 1;
            }
            err.println("retort: BUG (please report): unexpected " + ex);
            ex.printStackTrace(err);
            return 3;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("retort: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
