package dev.retort.run;

import dev.retort.PlanException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
            List<Path> marks = artifactMarks(dir, trialsDir, logsDir);
            long artifacts = marks.size();
            if (example == null && !marks.isEmpty()) example = marks.get(0);
            return new LeftArtifacts(trials, artifacts, example);
        } catch (IOException | UncheckedIOException e) {
            throw new PlanException(dir + ": cannot look for earlier trial directories: " + e.getMessage());
        }
    }

    /**
     * The directories holding a {@code trial.json}, sorted. A file that vanishes during the walk (SQLite's
     * {@code retort.db-journal} while other processes open the store at once) is skipped: it was no artifact.
     */
    private static List<Path> artifactMarks(Path dir, Path trialsDir, Path logsDir) throws IOException {
        List<Path> marks = new ArrayList<>();
        Files.walkFileTree(dir, Set.of(), ARTIFACT_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                return d.startsWith(trialsDir) || d.startsWith(logsDir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                if (a.isRegularFile() && f.getFileName().toString().equals(ARTIFACT_MARK)) marks.add(f.getParent());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
        marks.sort(null);
        return marks;
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
