package dev.retort.rec.algo;

import java.io.IOException;
import java.nio.file.Path;

/** A fitted recommender that can write its model (factors, neighbours, weights) to a file, atomically. */
public interface SavableModel {
    void save(Path file) throws IOException;
}
