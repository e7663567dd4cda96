package dev.retort.space;

/** One named dimension of a space: a plain domain or a map of levels. {@code where} is file:line or null. */
sealed interface Factor permits Factor.Plain, Factor.Branch {
    String name();

    String where();

    /** A plain factor: its levels (or distribution) are values of {@code name}; {@code prior} is null or checked. */
    record Plain(String name, Domain domain, Prior prior, String where) implements Factor {
        /** The value drawn in random search: from the prior when there is one, else uniformly. */
        Object sample(java.util.SplittableRandom random) {
            return prior == null ? domain.sample(random) : prior.sample(domain, random);
        }
    }

    /** A map of levels: each level of {@code name} brings its own sub-space. */
    record Branch(String name, Levels levels, String where) implements Factor {
    }
}
