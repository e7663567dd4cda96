package dev.retort.store;

import dev.retort.space.Config;

/** A trial a search strategy adds while workers run: its config and its lineage. */
public record NewTrial(Config config, Lineage lineage) {
    public NewTrial {
        if (lineage == null) lineage = Lineage.NONE;
    }
}
