package dev.retort.rec.preprocess;

import dev.retort.rec.data.Interactions;

/** What one step did: rows, users and items before and after. */
public record StepReport(String step, int rowsBefore, int rowsAfter, int usersBefore, int usersAfter,
                         int itemsBefore, int itemsAfter) {
    static StepReport of(String step, Interactions before, Interactions after) {
        return new StepReport(step, before.size(), after.size(), before.numUsers(), after.numUsers(),
                before.numItems(), after.numItems());
    }
}
