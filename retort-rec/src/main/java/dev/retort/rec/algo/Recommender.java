package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

/**
 * A top-k recommender over implicit feedback: every training interaction is a positive (algorithms that use
 * the rating as a weight say so). Create one through {@link Algorithms#create}; {@link #fit} once, then
 * {@link #recommend} any number of times.
 *
 * <p>Contract for every implementation: a user's training items are never recommended; lists are ordered by
 * score descending, ties by item id ascending; a user unknown to the training data (id beyond its users, or
 * no interactions) is scored as having no history; the same parameters, seed and data give the same lists on
 * every run and for any thread count.
 */
public interface Recommender {
    /** The canonical algorithm name, e.g. {@code ItemKNN}. */
    String name();

    /**
     * Learns from {@code train}. Users and items are its dense ids; recommendations use the same id space.
     *
     * @throws dev.retort.PlanException if the data cannot be used with these parameters
     */
    void fit(Interactions train);

    /**
     * The top-{@code k} items for each of {@code users} (dense user ids), in the order given. A list is shorter
     * than {@code k} only when fewer items are left after removing the user's training items.
     *
     * @throws dev.retort.PlanException if {@code k < 1}
     * @throws dev.retort.BugException if called before {@link #fit}
     */
    TopKLists recommend(int[] users, int k);

    /** {@link #recommend} for every user 0..numUsers-1 of the training data. */
    default TopKLists recommendAll(int numUsers, int k) {
        int[] users = new int[numUsers];
        for (int u = 0; u < numUsers; u++) users[u] = u;
        return recommend(users, k);
    }
}
