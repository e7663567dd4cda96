package dev.retort.cli;

import dev.retort.objective.ObjectiveLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --classpath a.jar:classes/}: more places to find objective classes. */
final class ClassPaths {
    private ClassPaths() {
    }

    static ClassLoader loader(String classpath) {
        ClassLoader base = Main.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) return base;
        List<Path> paths = new ArrayList<>();
        for (String p : classpath.split(java.io.File.pathSeparator)) if (!p.isBlank()) paths.add(Path.of(p));
        ClassLoader l = ObjectiveLoader.withClasspath(paths, base, "--classpath");
        Thread.currentThread().setContextClassLoader(l);
        return l;
    }
}
