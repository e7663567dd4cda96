package dev.retort.engine;

import dev.retort.space.Config;

import java.nio.file.Path;

/** Where a trial's artifacts live: {@code <experiment>/trials/<id, 6 digits>}. */
public final class TrialDirs {
    private TrialDirs() {
    }

    public static Path of(Path trialsDir, long id, Config config) {
        return trialsDir.resolve(String.format("%06d", id));
    }
}
