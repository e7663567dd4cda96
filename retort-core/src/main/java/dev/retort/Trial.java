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
 * cost no directory per trial.
 */
public final class Trial {
    private final long id;
    private final Config config;
    private final Path dir;
    private final int attempt;
    private volatile boolean dirMade;

    /**
     * @param id      the trial's id within its experiment (registration order: the grid's expansion order)
     * @param config  the parameters of this trial
     * @param dir     the directory reserved for this trial's artifacts
     * @param attempt 1 for the first attempt; higher after a lost lease
     */
    public Trial(long id, Config config, Path dir, int attempt) {
        this.id = id;
        this.config = config;
        this.dir = dir;
        this.attempt = attempt;
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

    /** The trial's artifact directory, created if needed. */
    public Path dir() {
        if (!dirMade) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create trial directory " + dir, e);
            }
            dirMade = true;
        }
        return dir;
    }

    @Override
    public String toString() {
        return "trial " + id + " " + config.toJson() + " attempt " + attempt;
    }
}
