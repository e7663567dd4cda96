package dev.retort.rec.data;

/**
 * The shape of a synthetic data set: how many users, items and interactions, the seed, and whether to
 * attach timestamps and ratings.
 */
public record SyntheticSpec(int users, int items, long interactions, long seed, boolean timestamps, boolean ratings) {
}
