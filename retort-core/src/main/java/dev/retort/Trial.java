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
    private final java.util.function.Consumer<String> phases;
    private final java.util.function.Supplier<java.util.Optional<Path>> previousAttempt;

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
        this(id, config, dirName, attempt, phases, java.util.Optional::empty);
    }

    /** @param previousAttempt finds what an earlier attempt of this trial left (see {@link #previousAttemptDir()}) */
    public Trial(long id, Config config, java.util.function.Supplier<Path> dirName, int attempt,
                 java.util.function.Consumer<String> phases, java.util.function.Supplier<java.util.Optional<Path>> previousAttempt) {
        this.previousAttempt = previousAttempt;
        this.id = id;
        this.config = config;
        this.dirName = dirName;
        this.attempt = attempt;
        this.phases = phases;
    }

    /**
     * Records that the trial entered {@code phase} (e.g. FIT, PREDICT, EVAL), durably, before returning.
     * Throws {@link dev.retort.store.StaleTrialException} when this worker no longer holds the trial, which
     * stops an objective that kept running after its lease was lost.
     */
    public void phase(String phase) {
        phases.accept(phase);
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
        return previousAttempt.get();
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
