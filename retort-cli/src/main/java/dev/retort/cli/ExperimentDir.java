package dev.retort.cli;

import dev.retort.run.Experiment;

import java.nio.file.Path;
import java.time.Clock;

/** Opens the experiment in a directory given on the command line. */
final class ExperimentDir {
    private ExperimentDir() {
    }

    static Experiment join(Path dir) {
        return Experiment.join(dir, Clock.systemUTC());
    }
}
