package dev.retort.rec.metric;

/**
 * Ranked recommendation lists, one row per user, read by the {@link Evaluator}. Rank 0 is the best position.
 * Lists are taken as ranked: breaking ties between equal scores is the recommender's job, the evaluator never
 * reorders. Items are dense catalog ids {@code 0..catalogSize-1}; each user appears in at most one row.
 * Implementations must be safe for concurrent reads.
 */
public interface RankedLists {
    /** Number of rows (users that received a list). */
    int numUsers();

    /** Dense user id of {@code row}. */
    int user(int row);

    /** Number of ranked items in {@code row}; may be shorter than any cut-off, or 0. */
    int length(int row);

    /** Item at {@code rank} (0-based) of {@code row}. */
    int item(int row, int rank);

    /** Score the recommender gave the item at {@code rank}; informational, metrics never read it. */
    float score(int row, int rank);
}
