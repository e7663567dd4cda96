package dev.retort.run;

import dev.retort.engine.Limits;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;

import java.time.Duration;
import java.util.List;

/**
 * Why a run stopped, as {@code retort run} (worker processes or threads) and the Java API report it.
 *
 * @param reason     the verdict; decides the exit code
 * @param limit      the plan key of the limit that stopped the run ({@code max_trials}, {@code max_cost},
 *                   {@code wall_time}, {@code max_trials_per_run}), or null
 * @param counts     trials per state when the run ended
 * @param returned   trials given back to PENDING by an interruption
 * @param deaths     one line per worker that died during the run (exit status and log), in order
 */
public record RunOutcome(Reason reason, String limit, Counts counts, long returned, List<String> deaths) {

    /** The verdicts, from the worst. */
    public enum Reason {
        /** Ctrl-C or SIGTERM: running trials went back to PENDING. Exit code 130. */
        INTERRUPTED,
        /** Some trials are FAILED. Exit code 1. */
        FAILED_TRIALS,
        /** Trials are left PENDING or RUNNING and no limit explains it: workers died and were not replaced. Exit 1. */
        UNFINISHED_WORKERS_DIED,
        /** A limit the user set stopped the run. Exit code 0. */
        LIMIT_REACHED,
        /** Every trial is DONE (or SKIPPED by the objective). Exit code 0. */
        ALL_DONE
    }

    public RunOutcome {
        deaths = List.copyOf(deaths);
    }

    /**
     * Decides the outcome from what the run left in the store.
     *
     * @param limit       the limit that stopped the workers, or null when none did
     * @param interrupted the user interrupted the run
     */
    public static RunOutcome of(Counts counts, String limit, boolean interrupted, long returned, List<String> deaths) {
        return of(counts, limit, interrupted, returned, deaths, false);
    }

    /**
     * As {@link #of(Counts, String, boolean, long, List)}, for a search that proposes its trials as it goes
     * (ASHA, TPE): {@code searchGoesOn} says it would still propose one, so a limit that stopped it is the
     * outcome even with no trial left PENDING.
     */
    public static RunOutcome of(Counts counts, String limit, boolean interrupted, long returned, List<String> deaths, boolean searchGoesOn) {
        long unfinished = counts.get(TrialState.PENDING) + counts.get(TrialState.RUNNING);
        Reason r;
        if (interrupted) r = Reason.INTERRUPTED;
        else if (counts.get(TrialState.FAILED) > 0) r = Reason.FAILED_TRIALS;
        else if (unfinished == 0 && !(searchGoesOn && limit != null)) r = Reason.ALL_DONE;
        else if (limit != null) r = Reason.LIMIT_REACHED;
        else r = Reason.UNFINISHED_WORKERS_DIED;
        return new RunOutcome(r, limit, counts, returned, deaths);
    }

    /**
     * Whether {@code plan}'s search would still propose a trial given the store's {@code trials}: a search that
     * proposes as it goes (ASHA, TPE) and is not over. Grids and random draws register everything up front: false.
     */
    public static boolean searchGoesOn(dev.retort.plan.Plan plan, List<dev.retort.store.TrialRecord> trials) {
        return plan.search() instanceof dev.retort.engine.StoreSearch s
                && !s.propose(plan.space(), trials, plan.metric().goal().maximize()).isEmpty();
    }

    /**
     * The limit that explains why workers stopped with trials left, judged from the store (for worker
     * processes, whose own reasons stay in their logs), or null.
     *
     * @param elapsed                 since the run started its workers
     * @param workersStoppedThemselves every worker exited normally (none died unreplaced)
     */
    public static String limitReached(Limits l, Counts c, Duration elapsed, boolean workersStoppedThemselves) {
        if (l.maxTrials() != null && c.finished() >= l.maxTrials()) return "max_trials";
        if (l.maxCost() != null && c.cost() >= l.maxCost()) return "max_cost";
        if (l.wallTime() != null && elapsed.compareTo(l.wallTime()) >= 0) return "wall_time";
        if (l.maxTrialsPerRun() != null && workersStoppedThemselves) return "max_trials_per_run";
        return null;
    }

    /** 0 when every trial is DONE or a user limit stopped the run; 1 for FAILED or unfinished trials; 130 interrupted. */
    public int exitCode() {
        return switch (reason) {
            case ALL_DONE, LIMIT_REACHED -> 0;
            case FAILED_TRIALS, UNFINISHED_WORKERS_DIED -> 1;
            case INTERRUPTED -> 130;
        };
    }

    /** One line saying why the run stopped, e.g. {@code stopped: max_trials reached (limits.max_trials = 4)}. */
    public String message(Limits limits) {
        long pending = counts.get(TrialState.PENDING), running = counts.get(TrialState.RUNNING);
        return switch (reason) {
            case INTERRUPTED -> "interrupted; " + returned + " trials returned to PENDING; run the same command to resume";
            case FAILED_TRIALS -> counts.get(TrialState.FAILED) + " trials FAILED"
                    + (limit != null ? "; stopped by " + limitText(limits) : "")
                    + (pending + running > 0 ? "; " + unfinishedText(pending, running) : "")
                    + " ('retort reset DIR' puts FAILED trials back to PENDING)";
            case UNFINISHED_WORKERS_DIED -> "unfinished: " + unfinishedText(pending, running)
                    + (deaths.isEmpty() ? " though every worker stopped" : " after " + deaths.size() + " worker deaths")
                    + "; run the same command to resume";
            case LIMIT_REACHED -> "stopped: " + limitText(limits) + "; " + unfinishedText(pending, running);
            case ALL_DONE -> "all " + counts.total() + " trials done"
                    + (counts.get(TrialState.SKIPPED) > 0 ? " (" + counts.get(TrialState.SKIPPED) + " skipped)" : "");
        };
    }

    private String limitText(Limits l) {
        Object value = switch (limit) {
            case "max_trials" -> l.maxTrials();
            case "max_cost" -> l.maxCost();
            case "wall_time" -> l.wallTime() == null ? null : dev.retort.objective.Durations.human(l.wallTime());
            case "max_trials_per_run" -> l.maxTrialsPerRun();
            default -> null;
        };
        return limit + " reached" + (value != null ? " (limits." + limit + " = " + value + ")" : "");
    }

    private static String unfinishedText(long pending, long running) {
        return pending + " trials pending" + (running > 0 ? ", " + running + " running" : "");
    }
}
