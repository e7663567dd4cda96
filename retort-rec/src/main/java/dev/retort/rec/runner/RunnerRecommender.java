package dev.retort.rec.runner;

import dev.retort.BugException;
import dev.retort.rec.algo.Recommender;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link Recommender} whose fit and recommend run in a runner process: the data is handed over as the files of
 * docs/runner-protocol.md in {@code workDir} ({@code train.tsv}, {@code users.txt}, {@code predictions.tsv},
 * {@code model/}). The config must already be resolved by {@link RunnerParams#resolve}.
 */
public final class RunnerRecommender implements Recommender {
    private final String runner;
    private final RunnerProcess process;
    private final String algorithm;
    private final Map<String, Object> config;
    private final long seed;
    private final Path workDir;
    private final Duration timeout;
    private boolean fitted;

    public RunnerRecommender(String runner, RunnerProcess process, String algorithm, Map<String, Object> config,
                             long seed, Path workDir, Duration timeout) {
        this.runner = runner;
        this.process = process;
        this.algorithm = algorithm;
        this.config = config;
        this.seed = seed;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    @Override
    public String name() { return runner + "." + algorithm; }

    @Override
    public void fit(Interactions train) {
        try {
            Path file = workDir.resolve("train.tsv"), model = workDir.resolve("model");
            Files.createDirectories(model);
            RunnerFiles.writeTrain(train, file);
            process.fit(algorithm, config, seed, file, train.numUsers(), train.numItems(), model, timeout);
            Files.deleteIfExists(file);
            fitted = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        if (!fitted) throw new BugException(name() + ": recommend before fit");
        try {
            Path usersFile = workDir.resolve("users.txt"), out = workDir.resolve("predictions.tsv");
            RunnerFiles.writeUsers(users, usersFile);
            process.predict(usersFile, k, out, timeout);
            TopKLists lists = RunnerFiles.readPredictions(out);
            Files.deleteIfExists(usersFile);
            Files.deleteIfExists(out);
            return lists;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
