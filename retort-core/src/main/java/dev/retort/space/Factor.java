package dev.retort.space;

/** One named dimension of a space: a plain domain or a map of levels. {@code where} is file:line or null. */
sealed interface Factor permits Factor.Plain, Factor.Branch {
    String name();

    String where();

    /** A plain factor: its levels (or distribution) are values of {@code name}. */
    record Plain(String name, Domain domain, String where) implements Factor {
    }

    /** A map of levels: each level of {@code name} brings its own sub-space. */
    record Branch(String name, Levels levels, String where) implements Factor {
    }
}
