package dev.retort.rec.data.registry;

import dev.retort.PlanException;
import dev.retort.rec.data.load.DataFormat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in datasets: the MovieLens family from GroupLens. A plan may name each as {@code ml-X} or
 * {@code movielens-X}.
 *
 * <p>Checksums: SHA-256 values for ml-100k, ml-1m, ml-20m, ml-25m and ml-latest-small are from
 * TensorFlow Datasets, {@code tensorflow_datasets/url_checksums/movielens.txt} (github.com/tensorflow/datasets,
 * commit 1c076ac3c19c8ea83e1d1a75e0623c9a699e0d7c). No published SHA-256 was found for ml-10m or for
 * ml-latest (which GroupLens regenerates over time); those entries have no checksum and are trusted on first
 * download.
 */
public final class Registry {
    private static final String BASE = "https://files.grouplens.org/datasets/movielens/";
    private static final String TFDS = "tensorflow/datasets tensorflow_datasets/url_checksums/movielens.txt";
    private static final Map<String, DatasetEntry> ENTRIES = new LinkedHashMap<>();

    static {
        add("ml-100k", "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229", DataFormat.ML_100K, "ml-100k/u.data");
        add("ml-1m", "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20", DataFormat.ML_DAT, "ml-1m/ratings.dat");
        add("ml-10m", null, DataFormat.ML_DAT, "ml-10M100K/ratings.dat");
        add("ml-20m", "96f243c338a8665f6bcc89c53edf6ee39162a846940de6b7c8c48aeada765ff3", DataFormat.ML_CSV, "ml-20m/ratings.csv");
        add("ml-25m", "8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa", DataFormat.ML_CSV, "ml-25m/ratings.csv");
        add("ml-latest-small", "696d65a3dfceac7c45750ad32df2c259311949efec81f0f144fdfb91ebc9e436", DataFormat.ML_CSV,
                "ml-latest-small/ratings.csv");
        add("ml-latest", null, DataFormat.ML_CSV, "ml-latest/ratings.csv");
    }

    private Registry() {
    }

    private static void add(String name, String sha256, DataFormat format, String member) {
        ENTRIES.put(name, new DatasetEntry(name, List.of(URI.create(BASE + name + ".zip")), sha256, format, member,
                sha256 == null ? "none found" : TFDS));
    }

    /** All entries, in registry order. */
    public static List<DatasetEntry> all() {
        return List.copyOf(ENTRIES.values());
    }

    /** The entry named {@code name} or its {@code movielens-} alias. */
    public static Optional<DatasetEntry> find(String name) {
        String key = name.startsWith("movielens-") ? "ml-" + name.substring("movielens-".length()) : name;
        return Optional.ofNullable(ENTRIES.get(key));
    }

    /** Like {@link #find} but a plan error naming the place and the known names when absent. */
    public static DatasetEntry get(String where, String key, String name) {
        return find(name).orElseThrow(() -> PlanException.at(where, key, name, "is not a known dataset",
                String.join(", ", ENTRIES.keySet()) + " (or movielens-* aliases)"));
    }
}
