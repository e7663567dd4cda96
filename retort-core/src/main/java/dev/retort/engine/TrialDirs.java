package dev.retort.engine;

import dev.retort.space.Config;
import dev.retort.space.Slug;

import java.nio.file.Path;

/** Where a trial's artifacts live: {@code <experiment>/trials/<id, 6 digits>_<config slug>}. */
public final class TrialDirs {
    private TrialDirs() {
    }

    public static Path of(Path trialsDir, long id, Config config) {
        return trialsDir.resolve(String.format("%06d", id) + "_" + Slug.of(config));
    }
}
