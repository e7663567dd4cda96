package dev.retort.store;

/** Where the registration of an experiment's current plan stands (see {@link TrialStore#registration()}). */
public enum RegistrationState {
    /** Every config of the plan is stored and keyed (or trials were added directly, with no plan registration). */
    COMPLETE,
    /** A live registrar is still adding configs; the trials stored so far can be claimed already. */
    IN_PROGRESS,
    /** Not complete, and nobody holds it: its registrar stopped or died. The next {@code run} resumes it. */
    INTERRUPTED
}
