package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A recommender trained in passes (epochs, iterations) that can continue a saved model instead of starting over:
 * the lower rung of a multi-fidelity search hands its model to the next. Continuing from the model saved after
 * {@code done} passes gives exactly the model of a fresh fit with this recommender's pass count, so the
 * continued trial's predictions are those its content key names.
 */
public interface Continuable extends SavableModel {
    /** The parameter that counts the passes, e.g. {@code epochs}. */
    String passesParameter();

    /**
     * Fits {@code train} by loading {@code saved} (written by {@link #save} after {@code done} passes of the same
     * parameters otherwise) and running the remaining passes.
     *
     * @throws dev.retort.BugException if {@code done} exceeds this recommender's passes
     */
    void fitContinuing(Interactions train, Path saved, int done) throws IOException;
}
