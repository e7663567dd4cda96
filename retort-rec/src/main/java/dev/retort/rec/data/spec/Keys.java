package dev.retort.rec.data.spec;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Ordered key sets, so "allowed" lists in messages come out in a fixed, documented order. */
final class Keys {
    private Keys() {
    }

    static Set<String> of(String... keys) {
        return new LinkedHashSet<>(Arrays.asList(keys));
    }
}
