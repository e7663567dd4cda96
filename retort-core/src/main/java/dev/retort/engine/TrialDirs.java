package dev.retort.engine;

import dev.retort.space.Config;
import dev.retort.space.Slug;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a trial's artifacts live. A trial's directory is {@code <trials>/<id, 6 digits>_<config slug>}; each
 * attempt writes into its own {@code <that>.attempt-<attempt>.<version>} ({@code version} is the claim's fencing
 * token, which no other claim of the trial shares), and the worker whose completion the store accepted makes
 * the trial's directory a symbolic link to it. So a worker cut off past its lease and the worker that took its
 * trial over never write into the same directory, and what a finished trial's directory holds is the accepted
 * attempt's files alone.
 *
 * <p>A crash between the store's commit and the link leaves a finished trial without its link; {@link #find}
 * then returns its newest attempt directory.
 */
public final class TrialDirs {
    private static final String ATTEMPT = ".attempt-";
    private static final String LINK = ".link-";
    /** A registered trial has version 0; the claim that starts its first attempt makes it 1. */
    private static final long FIRST_CLAIM_VERSION = 1;

    private TrialDirs() {
    }

    /** The published directory of a finished trial. */
    public static Path of(Path trialsDir, long id, Config config) {
        return trialsDir.resolve(prefix(id) + Slug.of(config));
    }

    /** The directory this attempt of the trial writes into. */
    public static Path attempt(Path trialsDir, long id, Config config, int attempt, long version) {
        Path published = of(trialsDir, id, config);
        return published.resolveSibling(published.getFileName() + ATTEMPT + attempt + "." + version);
    }

    /** The trial's published directory, or else its newest attempt's (a running trial's, or one a crash left). */
    public static Optional<Path> find(Path trialsDir, long id) throws IOException {
        List<Path> dirs = dirsOf(trialsDir, id);
        Optional<Path> published = dirs.stream().filter(p -> !p.getFileName().toString().contains(ATTEMPT)).findFirst();
        return published.isPresent() ? published : newestAttempt(dirs, -1);
    }

    /**
     * What an earlier attempt of this trial left, for a checkpoint to be handed on: the newest other attempt's
     * directory (an attempt interrupted or cut off), or else the published directory (a FAILED trial run again).
     * It may still be written by a worker that has not noticed it lost the trial: read it, never write it.
     */
    public static Optional<Path> previous(Path trialsDir, long id, Config config, long version) throws IOException {
        List<Path> dirs = dirsOf(trialsDir, id);
        Optional<Path> older = newestAttempt(dirs, version);
        if (older.isPresent()) return older;
        Path published = of(trialsDir, id, config);
        return Files.isDirectory(published) ? Optional.of(published) : Optional.empty();
    }

    /**
     * After the store accepted this attempt's completion: the trial's directory becomes a symbolic link to this
     * attempt's directory (made beside it and renamed over the old link, so a reader always finds one or the other),
     * and the trial's other attempt directories are removed. The attempt directory itself never moves: a trial that
     * continues this one (the next rung of a multi-fidelity search, on any host) may already be reading it.
     */
    public static void publish(Path trialsDir, long id, Config config, int attempt, long version) throws IOException {
        Path mine = attempt(trialsDir, id, config, attempt, version);
        if (!Files.isDirectory(mine)) return;
        Path published = of(trialsDir, id, config);
        Path link = published.resolveSibling(published.getFileName() + LINK + version);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, mine.getFileName()); // relative: the experiment directory can move
        if (Files.isDirectory(published, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a real directory: an earlier layout's
            Path replaced = published.resolveSibling(published.getFileName() + ".replaced-" + version);
            Files.move(published, replaced, StandardCopyOption.ATOMIC_MOVE);
            delete(replaced);
        }
        Files.move(link, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // versions only grow and a trial's first claim makes version 1: then no other attempt of it ever wrote a
        // directory, and the listing below (the whole trials/ directory, once per trial) is not needed
        if (version > FIRST_CLAIM_VERSION)
            for (Path other : dirsOf(trialsDir, id))
                if (other.getFileName().toString().contains(ATTEMPT) && !other.equals(mine)) delete(other);
    }

    /** The directory of an attempt whose completion the store refused (it lost the trial): nobody reads it. */
    public static void discard(Path trialsDir, long id, Config config, int attempt, long version) throws IOException {
        delete(attempt(trialsDir, id, config, attempt, version));
    }

    private static String prefix(long id) {
        return String.format("%06d", id) + "_";
    }

    private static List<Path> dirsOf(Path trialsDir, long id) throws IOException {
        if (!Files.isDirectory(trialsDir)) return List.of();
        String prefix = prefix(id);
        try (Stream<Path> s = Files.list(trialsDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.getFileName().toString().contains(".replaced-")
                            && !p.getFileName().toString().contains(LINK))
                    .filter(Files::isDirectory).toList();
        }
    }

    /** The attempt directory with the highest version, other than {@code exceptVersion}. */
    private static Optional<Path> newestAttempt(List<Path> dirs, long exceptVersion) {
        return dirs.stream().filter(p -> p.getFileName().toString().contains(ATTEMPT))
                .filter(p -> version(p) != exceptVersion)
                .max(Comparator.comparingLong(TrialDirs::version));
    }

    private static long version(Path attemptDir) {
        String n = attemptDir.getFileName().toString();
        try {
            return Long.parseLong(n.substring(n.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return -1; // not one of ours
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteIfThere(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                deleteIfThere(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
    }

    private static void deleteIfThere(Path p) throws IOException {
        try {
            Files.deleteIfExists(p);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // a worker that lost the trial wrote one more file meanwhile; what is left is harmless
        }
    }
}
