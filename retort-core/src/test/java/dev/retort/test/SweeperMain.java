package dev.retort.test;

import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.sweep.ParamSweeper;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code SweeperMain <dir> <outfile>}: one ParamSweeper over a 40 x 50 grid; marks every combination it gets done. */
public final class SweeperMain {
    public static Space space() {
        Object[] a = new Object[40], b = new Object[50];
        for (int i = 0; i < a.length; i++) a[i] = i;
        for (int i = 0; i < b.length; i++) b[i] = i;
        return Space.builder().factor("a", a).factor("b", b).build();
    }

    public static void main(String[] args) throws Exception {
        try (ParamSweeper s = ParamSweeper.open(Path.of(args[0]), "sweep", space());
             BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]))) {
            for (Optional<Config> c = s.next(); c.isPresent(); c = s.next()) {
                s.done(c.get());
                w.write(c.get().toJson());
                w.newLine();
            }
        }
    }
}
