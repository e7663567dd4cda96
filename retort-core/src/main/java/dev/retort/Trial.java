package dev.retort;

import dev.retort.space.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trial in progress, as the objective sees it.
 *
 * <p>{@link #dir()} is created on first use, so in-process objectives that never touch the file system
 * cost no directory per trial. A new trial directory starts with {@value #CONFIG_FILE}, the trial's config as
 * canonical JSON (as Hydra and NePS write theirs), so the directory explains itself without the store.
 */
public final class Trial {
    /** The trial's config, written into every trial directory when it is made. */
    public static final String CONFIG_FILE = "config.json";

    private final long id;
    private final Config config;
    private final java.util.function.Supplier<Path> dirName;
    private Path dir;
    private final int attempt;
    private boolean dirMade;
    private final Link link;

    /**
     * What a trial reaches beyond itself while a worker holds it: the store (phases, intermediate results) and
     * the directory of its parent (the same config one rung lower, in a multi-fidelity search).
     */
    public interface Link {
        /** Records a phase; throws {@link dev.retort.store.StaleTrialException} when the trial was lost. */
        void phase(String phase);

        /** Records an intermediate result; throws {@link dev.retort.store.StaleTrialException} when the trial was lost. */
        void report(long step, java.util.Map<String, Object> values);

        /** The parent trial's directory, when this trial continues one. */
        java.util.Optional<Path> previousDir();

        /** Whether a later trial may continue from this one (see {@link Trial#continuedLater()}); no by default. */
        default boolean continuedLater() {
            return false;
        }

        /** What an earlier attempt of this trial left (see {@link Trial#previousAttemptDir()}); none by default. */
        default java.util.Optional<Path> previousAttemptDir() {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param id      the trial's id within its experiment (registration order: the grid's expansion order)
     * @param config  the parameters of this trial
     * @param dir     the directory reserved for this trial's artifacts
     * @param attempt 1 for the first attempt; higher after a lost lease
     */
    public Trial(long id, Config config, Path dir, int attempt) {
        this(id, config, () -> dir, attempt, p -> { });
    }

    /**
     * @param dirName names the trial directory, on first use only (no cost for objectives that never ask)
     * @param phases  records a phase in the store (fenced: throws if the trial was lost meanwhile)
     */
    public Trial(long id, Config config, java.util.function.Supplier<Path> dirName, int attempt,
                 java.util.function.Consumer<String> phases) {
        this(id, config, dirName, attempt, new Link() {
            @Override
            public void phase(String phase) {
                phases.accept(phase);
            }

            @Override
            public void report(long step, java.util.Map<String, Object> values) {
                // no store: an objective called outside a worker (tests, benchmarks) reports nowhere
            }

            @Override
            public java.util.Optional<Path> previousDir() {
                return java.util.Optional.empty();
            }
        });
    }

    /**
     * @param dirName names the trial directory, on first use only (no cost for objectives that never ask)
     * @param link    the store and lineage of the trial
     */
    public Trial(long id, Config config, java.util.function.Supplier<Path> dirName, int attempt, Link link) {
        this.id = id;
        this.config = config;
        this.dirName = dirName;
        this.attempt = attempt;
        this.link = link;
    }

    /**
     * Records that the trial entered {@code phase} (e.g. FIT, PREDICT, EVAL), durably, before returning.
     * Throws {@link dev.retort.store.StaleTrialException} when this worker no longer holds the trial, which
     * stops an objective that kept running after its lease was lost.
     */
    public void phase(String phase) {
        link.phase(phase);
    }

    /**
     * Records an intermediate result at {@code step} (an epoch, an iteration), durably, before returning: a
     * row of the store's {@code trial_report} table, kept per attempt; reporting a step again replaces it.
     * Values are JSON-able (numbers, strings, booleans, lists, maps). Throws
     * {@link dev.retort.store.StaleTrialException} when this worker no longer holds the trial.
     */
    public void report(long step, java.util.Map<String, Object> values) {
        link.report(step, values);
    }

    /**
     * In a multi-fidelity search (ASHA, Hyperband), the directory of this config's trial one rung lower, whose
     * saved state (a checkpoint, a model) this trial may continue from instead of starting over; empty for a
     * base-rung trial and outside such a search. The directory is the parent's own: read it, and write what
     * this trial saves into {@link #dir()}.
     */
    public java.util.Optional<Path> previousDir() {
        return link.previousDir();
    }

    /**
     * True in a multi-fidelity search (ASHA, Hyperband): a trial one rung higher may continue from what this
     * trial saves in {@link #dir()}, so an objective that can save a checkpoint should.
     */
    public boolean continuedLater() {
        return link.continuedLater();
    }

    public long id() {
        return id;
    }

    public Config config() {
        return config;
    }

    public int attempt() {
        return attempt;
    }

    /**
     * The directory an earlier attempt of this trial wrote, if there is one: an attempt that was interrupted
     * (Ctrl-C, a lost lease, a dead worker) or, for a FAILED trial run again, the finished one. An objective that
     * checkpoints can continue from it. Read it, never write it: a worker that lost the trial may still be writing.
     */
    public java.util.Optional<Path> previousAttemptDir() {
        return link.previousAttemptDir();
    }

    /**
     * This attempt's artifact directory, created if needed. It is this attempt's alone; when the store accepts
     * the trial's result it becomes the trial's directory, {@code trials/<id>_<slug>} (see docs/store.md).
     */
    public synchronized Path dir() {
        if (!dirMade) {
            dir = dirName.get();
            try {
                Files.createDirectories(dir);
                writeConfig(dir.resolve(CONFIG_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create trial directory " + dir, e);
            }
            dirMade = true;
        }
        return dir;
    }

    /**
     * Written through a temporary file and a rename, so a reader never sees half of it. With java.io rather than
     * a FileChannel: an interrupt meant for the objective (stop, fencing) must not make this write fail. Not
     * fsynced: it is a copy of what the store holds, rewritten by the next attempt if lost.
     */
    private void writeConfig(Path target) throws IOException {
        if (Files.exists(target)) return;
        Path tmp = target.resolveSibling(".tmp-" + CONFIG_FILE + "-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        try (java.io.OutputStream out = new java.io.FileOutputStream(tmp.toFile())) {
            out.write((config.toJson() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "trial " + id + " " + config.toJson() + " attempt " + attempt;
    }
}
