package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files a command objective runs: its program and every argument that names an existing file (also the
 * value part of {@code --opt=file}), relative to its working directory. Programs found on the {@code PATH}
 * (an interpreter such as {@code python3}) are recorded by path and hash, not copied.
 */
final class CommandFiles {
    private CommandFiles() {
    }

    record Found(Map<String, Object> program, Set<Path> files) {
    }

    static Found of(JsonNode identity, JsonNode runtime, Path planDir) {
        List<String> argv = new ArrayList<>();
        identity.path("command").forEach(a -> argv.add(a.asText()));
        Path workdir = runtime.has("workdir") ? Path.of(runtime.get("workdir").asText()) : planDir;
        Set<Path> files = new LinkedHashSet<>();
        Map<String, Object> program = new LinkedHashMap<>();
        if (argv.isEmpty()) return new Found(program, files);
        String prog = argv.get(0);
        program.put("name", prog);
        if (prog.contains("/")) {
            Path p = workdir.resolve(prog).normalize();
            if (Files.isRegularFile(p)) files.add(p);
        } else {
            Path onPath = onPath(prog);
            if (onPath != null) {
                program.put("path", onPath.toString());
                program.put("sha256", Hashing.of(onPath).sha256());
            }
        }
        for (String a : argv.subList(1, argv.size())) {
            if (a.contains("{")) a = a.substring(0, a.indexOf('{'));
            for (String part : a.contains("=") ? List.of(a, a.substring(a.indexOf('=') + 1)) : List.of(a)) {
                if (part.isBlank() || part.length() > 4096 || part.contains("\n")) continue;
                try {
                    Path p = workdir.resolve(part).normalize();
                    if (Files.isRegularFile(p)) files.add(p);
                } catch (RuntimeException notAPath) {
                    // an argument that is no path on this file system
                }
            }
        }
        return new Found(program, files);
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toAbsolutePath().normalize();
        }
        return null;
    }
}
