package dev.retort.rec.split;

import dev.retort.rec.data.Interactions;

/**
 * One train/test(/validation) split. All parts share the dense id space (the same {@link
 * dev.retort.rec.data.IdMap}s) of the dataset they were cut from, so arrays sized {@code numUsers} and
 * {@code numItems} of any part index every part.
 *
 * @param validation null when the split has no validation part
 */
public record Split(String name, Interactions train, Interactions test, Interactions validation) {
}
