package dev.retort.engine;

/** Why a worker stopped taking trials. */
public enum StopReason {
    /** Nothing PENDING, the strategy proposes nothing more, and no trial held elsewhere can come back. */
    NO_TRIALS_LEFT("no trials left", null),
    MAX_TRIALS("max_trials reached", "max_trials"),
    MAX_TRIALS_PER_RUN("max_trials_per_run reached", "max_trials_per_run"),
    MAX_COST("max_cost reached", "max_cost"),
    WALL_TIME("wall_time reached", "wall_time"),
    /** Nothing left to claim, but the plan's registration stopped before every config was stored (see docs/store.md). */
    REGISTRATION_INTERRUPTED("registration interrupted (its registrar stopped before storing every config); run the plan again to resume it", null),
    /** {@link WorkerLoop#stop()} was called: Ctrl-C, SIGTERM, or the run that started the worker is gone. */
    STOPPED("stopped", null);

    private final String text;
    private final String limit;

    StopReason(String text, String limit) {
        this.text = text;
        this.limit = limit;
    }

    /** As printed, e.g. {@code max_cost reached}. */
    public String text() {
        return text;
    }

    /** The plan key of the limit that stopped the worker ({@code limits.<key>}), or null when no limit did. */
    public String limit() {
        return limit;
    }
}
