package dev.retort.plan;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The plan key {@code capture:}: globs relative to the plan's directory naming files the manifest copies into
 * its capture store (docs/manifest.md), beside the files a command objective names. Each glob must match at
 * least one regular file, so a typo is a plan error rather than a file silently missing from the record.
 */
final class CaptureKey {
    private static final String ALLOWED = "a glob or a list of globs relative to the plan's directory, e.g. capture: [train.py, 'conf/*.yaml']";

    private CaptureKey() {
    }

    /** The files the key names, sorted and absolute. */
    static List<Path> files(Yaml y, Node n, Path planDir) {
        List<Node> globs = n instanceof ScalarNode ? List.of(n) : y.sequence(n, "capture");
        TreeSet<Path> out = new TreeSet<>();
        for (int i = 0; i < globs.size(); i++) {
            String key = n instanceof ScalarNode ? "capture" : "capture[" + i + "]";
            String glob = y.string(globs.get(i), key);
            if (glob.isBlank()) throw y.error(globs.get(i), key, glob, "is empty", ALLOWED);
            if (Path.of(glob).isAbsolute()) throw y.error(globs.get(i), key, glob, "is an absolute path", ALLOWED);
            List<Path> matched = match(planDir, glob);
            if (matched.isEmpty())
                throw y.error(globs.get(i), key, glob, "matches no file under " + planDir, ALLOWED);
            out.addAll(matched);
        }
        return new ArrayList<>(out);
    }

    private static List<Path> match(Path planDir, String glob) {
        Path literal = planDir.resolve(glob).normalize();
        if (Files.isRegularFile(literal)) return List.of(literal);
        PathMatcher m;
        try {
            m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        // globs may climb out of the plan directory (../data/*.csv): walk from the deepest fixed parent
        Path base = planDir;
        Path rel = Path.of(glob);
        int up = 0;
        while (up < rel.getNameCount() && rel.getName(up).toString().equals("..")) up++;
        for (int i = 0; i < up; i++) base = base.getParent() == null ? base : base.getParent();
        Path walkRoot = base;
        try (Stream<Path> s = Files.walk(walkRoot)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> m.matches(planDir.relativize(p)) || m.matches(planDir.relativize(p).normalize()))
                    .map(Path::normalize).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
