package dev.retort.objective;

import dev.retort.Objective;
import dev.retort.PlanException;
import dev.retort.Trial;
import dev.retort.space.Config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs any program as a trial, one OS process per attempt.
 *
 * <p><b>Arguments.</b> <code>{name}</code> in an argv element is replaced by the trial's value of parameter
 * {@code name}: a Long as its digits, a Double exactly as in the config's canonical JSON (shortest round trip,
 * e.g. {@code 0.1}, {@code 1.0E-4}), a String raw, a Boolean as {@code true}/{@code false}. <code>{{</code>
 * and <code>}}</code> are literal braces. An element whose placeholders <em>all</em> name parameters absent
 * from the trial (conditional parameters of another branch, e.g. <code>--momentum={momentum}</code> when
 * {@code optimizer=adam}) is dropped from the command line; an element mixing present and absent parameters
 * fails the trial, as does dropping the program itself (element 0).
 *
 * <p><b>Environment.</b> The parent's environment, plus {@link CommandSpec#extraEnv()}, plus
 * {@code RETORT_PARAMS} (the config's canonical JSON), {@code RETORT_TRIAL_ID}, {@code RETORT_TRIAL_DIR}
 * (absolute; this attempt's own directory), {@code RETORT_ATTEMPT}, {@code RETORT_PREVIOUS_ATTEMPT_DIR} when an earlier
 * attempt left a directory ({@link Trial#previousAttemptDir()}); in a multi-fidelity search, {@code RETORT_PREVIOUS_DIR}: the absolute
 * directory of the same config's trial one rung lower (unset at the base rung).
 *
 * <p><b>Continuing a lower rung.</b> <code>{previous_dir}</code> is a placeholder for that directory (unless the
 * space has a parameter of that name); an element whose placeholders are all absent is dropped, so
 * <code>--resume={previous_dir}</code> disappears at the base rung. Stdin is empty; stdout and stderr go to {@code stdout.log} and
 * {@code stderr.log} in the trial directory, replacing those of an earlier attempt.
 *
 * <p><b>Result.</b> {@code result.json} in the trial directory if the program wrote one (a stale one from an
 * earlier attempt is deleted before the start), else the last line among the final 64 KiB of stdout that is
 * a JSON object. A non-zero exit, a timeout or a missing result throws {@link TrialFailedException}.
 *
 * <p><b>Stopping.</b> On timeout, or when the evaluating thread is interrupted, the program and every
 * process it started are killed before {@code evaluate} returns; interruption then rethrows
 * {@link InterruptedException} (with the thread's interrupt status clear, as for any method that throws it).
 */
public final class CommandObjective implements Objective {
    /** The placeholder for the directory of the trial this one continues (a lower rung of the same config). */
    public static final String PREVIOUS_DIR = "previous_dir";
    static final String STDOUT_LOG = "stdout.log";
    static final String STDERR_LOG = "stderr.log";
    private static final File NO_INPUT = new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    private static final int STDERR_TAIL_LINES = 20;
    private static final int STDERR_TAIL_BYTES = 2048;

    private final CommandSpec spec;
    private final List<ArgTemplate> templates;

    /** Parses the argv templates once; throws {@link PlanException} for a malformed one. */
    public CommandObjective(CommandSpec spec) {
        this.spec = spec;
        this.templates = parse(spec.argv(), null);
    }

    /** The spec this objective runs. */
    public CommandSpec spec() {
        return spec;
    }

    /**
     * Checks a plan's command before any trial runs. {@code where} is the plan position, e.g.
     * {@code plan.yaml:5}. Throws {@link PlanException} for an empty argv, an unbalanced brace, an empty
     * placeholder, or a placeholder naming none of {@code parameterNames} (the message lists those, sorted).
     */
    public static void validate(List<String> argv, Set<String> parameterNames, String where) {
        if (argv == null || argv.isEmpty())
            throw PlanException.at(where, "objective.command", List.of(), "is empty", "a program followed by its arguments");
        List<ArgTemplate> parsed = parse(argv, where);
        for (int i = 0; i < parsed.size(); i++) {
            for (String name : parsed.get(i).names()) {
                if (parameterNames.contains(name) || name.equals(PREVIOUS_DIR)) continue;
                String allowed = parameterNames.isEmpty() ? "no placeholders (the space has no parameters)"
                        : String.join(", ", new TreeSet<>(parameterNames));
                throw PlanException.at(where, key(i), argv.get(i), "names no parameter '" + name + "'", allowed);
            }
        }
    }

    private static List<ArgTemplate> parse(List<String> argv, String where) {
        List<ArgTemplate> out = new ArrayList<>(argv.size());
        for (int i = 0; i < argv.size(); i++) out.add(ArgTemplate.parse(argv.get(i), key(i), where));
        return List.copyOf(out);
    }

    private static String key(int index) {
        return "objective.command[" + index + "]";
    }

    @Override
    public Map<String, Object> evaluate(Trial trial) throws IOException, InterruptedException {
        Path dir = trial.dir().toAbsolutePath();
        Path stdout = dir.resolve(STDOUT_LOG);
        Path stderr = dir.resolve(STDERR_LOG);
        Files.deleteIfExists(dir.resolve(ResultReader.RESULT_FILE));
        java.util.Optional<Path> previous = trial.previousDir().map(Path::toAbsolutePath);
        ProcessBuilder pb = new ProcessBuilder(commandLine(trial, previous))
                .directory((spec.workDir() == null ? dir : spec.workDir()).toFile())
                .redirectInput(NO_INPUT)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        env.putAll(spec.extraEnv());
        env.put("RETORT_PARAMS", trial.config().toJson());
        env.put("RETORT_TRIAL_ID", Long.toString(trial.id()));
        env.put("RETORT_TRIAL_DIR", dir.toString());
        env.put("RETORT_ATTEMPT", Integer.toString(trial.attempt()));
        env.remove("RETORT_PREVIOUS_ATTEMPT_DIR"); // never one inherited from the worker's own environment
        trial.previousAttemptDir().ifPresent(p -> env.put("RETORT_PREVIOUS_ATTEMPT_DIR", p.toAbsolutePath().toString()));
        env.remove("RETORT_PREVIOUS_DIR"); // never the parent process's own
        previous.ifPresent(p -> env.put("RETORT_PREVIOUS_DIR", p.toString()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new TrialFailedException("cannot start " + pb.command().get(0) + ": " + e.getMessage(), e);
        }
        int exit = await(p, stderr);
        if (exit != 0) throw new TrialFailedException("exit code " + exit + stderrTail(stderr));
        return ResultReader.read(dir, stdout);
    }

    /** The rendered command line for {@code trial}, without the elements that were dropped. */
    List<String> commandLine(Trial trial) {
        return commandLine(trial, java.util.Optional.empty());
    }

    private List<String> commandLine(Trial trial, java.util.Optional<Path> previous) {
        List<String> cmd = new ArrayList<>(templates.size());
        Config values = trial.config();
        if (previous.isPresent() && !values.has(PREVIOUS_DIR)) values = values.with(PREVIOUS_DIR, previous.get().toString());
        for (ArgTemplate t : templates) {
            String arg = t.render(values);
            if (arg != null) cmd.add(arg);
            else if (cmd.isEmpty()) throw new TrialFailedException(key(0) + ": the program '" + t.source()
                    + "' names only parameters this trial does not have, so there is nothing to run");
        }
        return cmd;
    }

    private int await(Process p, Path stderr) throws InterruptedException, IOException {
        try {
            if (spec.timeout() == null) return p.waitFor();
            if (p.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS)) return p.exitValue();
        } catch (InterruptedException e) {
            ProcessTrees.destroyTree(p.toHandle());
            throw e;
        }
        int survivors = ProcessTrees.destroyTree(p.toHandle());
        throw new TrialFailedException("timed out after " + Durations.human(spec.timeout())
                + (survivors > 0 ? " (" + survivors + " processes would not die)" : "")
                + stderrTail(stderr));
    }

    private static String stderrTail(Path stderr) throws IOException {
        String tail = FileTail.text(stderr, STDERR_TAIL_LINES, STDERR_TAIL_BYTES);
        return tail.isEmpty() ? "" : "; stderr:\n" + tail;
    }
}
