package dev.retort.run;

import dev.retort.PlanException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trial directories and artifacts found in an experiment directory whose store is missing or empty: the
 * results of an earlier run whose {@code retort.db} was lost. Running would run those trials again and
 * overwrite their directories, so {@link Experiment#open} refuses unless told to overwrite them.
 */
record LeftArtifacts(long trialDirs, long artifactDirs, Path example) {
    /** Artifact directories (a recommender's {@code <dataset>/<algorithm>/fold_<n>}) hold a {@code trial.json}. */
    private static final String ARTIFACT_MARK = "trial.json";
    private static final int ARTIFACT_DEPTH = 4;

    static LeftArtifacts in(Path dir, Path trialsDir, Path logsDir) {
        if (!Files.isDirectory(dir)) return new LeftArtifacts(0, 0, null);
        try {
            long trials = 0;
            Path example = null;
            if (Files.isDirectory(trialsDir)) {
                try (Stream<Path> s = Files.list(trialsDir)) {
                    List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
                    // one per trial: its attempt directories and the link to the recorded one share its id
                    trials = dirs.stream().map(d -> d.getFileName().toString()).map(n -> n.contains("_") ? n.substring(0, n.indexOf('_')) : n)
                            .distinct().count();
                    if (!dirs.isEmpty()) example = dirs.get(0);
                }
            }
            long artifacts;
            try (Stream<Path> s = Files.find(dir, ARTIFACT_DEPTH, (p, a) -> a.isRegularFile()
                    && p.getFileName().toString().equals(ARTIFACT_MARK) && !p.startsWith(trialsDir) && !p.startsWith(logsDir))) {
                List<Path> marks = s.map(Path::getParent).sorted().toList();
                artifacts = marks.size();
                if (example == null && !marks.isEmpty()) example = marks.get(0);
            }
            return new LeftArtifacts(trials, artifacts, example);
        } catch (IOException | UncheckedIOException e) {
            throw new PlanException(dir + ": cannot look for earlier trial directories: " + e.getMessage());
        }
    }

    boolean any() {
        return trialDirs + artifactDirs > 0;
    }

    /** The refusal: what was found, where, and the ways on. */
    PlanException refusal(Path dir, String storeState) {
        StringBuilder found = new StringBuilder();
        if (trialDirs > 0) found.append(trialDirs).append(trialDirs == 1 ? " trial directory" : " trial directories");
        if (artifactDirs > 0) {
            if (found.length() > 0) found.append(" and ");
            found.append(artifactDirs).append(artifactDirs == 1 ? " artifact directory" : " artifact directories");
        }
        return new PlanException(dir + ": the store " + Experiment.DB_FILE + " is " + storeState + ", but " + found
                + " of an earlier run are there (first: " + example + "); running would run those trials again and"
                + " overwrite them; allowed: restore " + Experiment.DB_FILE + ", choose another --dir, or pass"
                + " --overwrite-trials to run them again");
    }
}
