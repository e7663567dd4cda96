package dev.retort;

import dev.retort.space.Config;

import java.nio.file.Path;

/**
 * The trial in progress, as the objective sees it.
 *
 * @param id      the trial's id, stable within its experiment (expansion order for grids)
 * @param config  the parameters of this trial
 * @param dir     a directory reserved for this trial's artifacts; it exists when the objective starts
 * @param attempt 1 for the first attempt, 2 after one lost lease or retry, ...
 */
public record Trial(long id, Config config, Path dir, int attempt) {
}
